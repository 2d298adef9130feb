package org.peerlab.crypto.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void copyOfIsIndependentOfTheCallersArray() {
        byte[] raw = { 1, 2, 3 };
        Secret s = Secret.copyOf(raw);
        raw[0] = 9;
        assertArrayEquals(new byte[] { 1, 2, 3 }, s.bytes());
        s.bytes()[1] = 9;
        assertArrayEquals(new byte[] { 1, 2, 3 }, s.bytes(), "bytes() hands out copies");
    }

    @Test
    void destroyWipesTheAdoptedArrayAndBlocksUse() {
        byte[] raw = { 5, 6, 7 };
        Secret s = Secret.adopt(raw);
        s.close();
        assertTrue(s.isDestroyed());
        assertArrayEquals(new byte[3], raw);
        assertThrows(IllegalStateException.class, s::bytes);
    }

    @Test
    void toStringNeverShowsTheBytes() {
        Secret s = Secret.copyOf(new byte[] { 0x41, 0x42 });
        assertEquals("Secret[2 bytes]", s.toString());
        assertFalse(s.toString().contains("AB"));
    }

    @Test
    void sameAsComparesContent() {
        assertTrue(Secret.copyOf(new byte[] { 1 }).sameAs(Secret.copyOf(new byte[] { 1 })));
        assertFalse(Secret.copyOf(new byte[] { 1 }).sameAs(Secret.copyOf(new byte[] { 2 })));
    }
}

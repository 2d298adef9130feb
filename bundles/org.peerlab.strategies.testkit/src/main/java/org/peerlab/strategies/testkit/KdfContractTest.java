package org.peerlab.strategies.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;

/** What every {@link Kdf} strategy must do; each implementation's test extends this. */
public abstract class KdfContractTest {

    protected abstract Kdf kdf();

    /** @return parameters cheap enough for a unit test */
    protected abstract Parameters fast();

    private Secret derive(String input, String salt, String info, int length) {
        return kdf().derive(Secret.copyOf(input.getBytes(StandardCharsets.UTF_8)), salt.getBytes(StandardCharsets.UTF_8),
                info.getBytes(StandardCharsets.UTF_8), length, fast());
    }

    @Test
    public void deterministicAndOfTheRequestedLength() {
        Secret a = derive("correct horse", "salt-1234567890", "peerlab", 32);
        assertTrue(a.sameAs(derive("correct horse", "salt-1234567890", "peerlab", 32)));
        assertEquals(32, a.length());
        assertEquals(77, derive("correct horse", "salt-1234567890", "peerlab", 77).length());
        assertEquals(Kdf.FAMILY, kdf().descriptor().family());
    }

    @Test
    public void everyInputMatters() {
        Secret base = derive("correct horse", "salt-1234567890", "peerlab", 32);
        assertFalse(base.sameAs(derive("correct horsf", "salt-1234567890", "peerlab", 32)), "input");
        assertFalse(base.sameAs(derive("correct horse", "salt-1234567891", "peerlab", 32)), "salt");
    }

    @Test
    public void lengthOutsideRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> derive("x", "salt-1234567890", "", 0));
        assertThrows(IllegalArgumentException.class, () -> derive("x", "salt-1234567890", "", Integer.MAX_VALUE));
    }

    @Test
    public void theInputIsLeftIntact() {
        Secret input = Secret.copyOf(new byte[] { 1, 2, 3 });
        kdf().derive(input, "salt-1234567890".getBytes(StandardCharsets.UTF_8), new byte[0], 16, fast());
        assertFalse(input.isDestroyed());
    }
}

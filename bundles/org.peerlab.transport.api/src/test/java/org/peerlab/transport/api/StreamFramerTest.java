package org.peerlab.transport.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StreamFramerTest {

    @Test
    void anySplitOfTheStreamGivesBackTheFrames() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<byte[]> frames = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int count = random.nextInt(20);
            for (int i = 0; i < count; i++) {
                byte[] f = new byte[random.nextInt(5) == 0 ? 0 : random.nextInt(3000)];
                random.nextBytes(f);
                frames.add(f);
                ByteBuffer wire = StreamFramer.encode(ByteBuffer.wrap(f));
                stream.write(wire.array(), wire.arrayOffset(), wire.remaining());
            }
            byte[] bytes = stream.toByteArray();
            StreamFramer framer = new StreamFramer(4096);
            List<byte[]> got = new ArrayList<>();
            int pos = 0;
            while (pos < bytes.length) {
                int n = Math.min(bytes.length - pos, 1 + random.nextInt(random.nextBoolean() ? 8 : 5000));
                for (ByteBuffer f : framer.feed(ByteBuffer.wrap(bytes, pos, n))) {
                    byte[] b = new byte[f.remaining()];
                    f.get(b);
                    got.add(b);
                }
                pos += n;
            }
            assertEquals(frames.size(), got.size(), "round " + round);
            for (int i = 0; i < frames.size(); i++) {
                assertArrayEquals(frames.get(i), got.get(i), "round " + round + " frame " + i);
            }
            assertFalse(framer.midFrame());
        }
    }

    @Test
    void randomGarbageOnlyEverFailsWithAFramingException() {
        Random random = new Random(99);
        for (int round = 0; round < 5000; round++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            StreamFramer framer = new StreamFramer(1 << 16);
            try {
                for (ByteBuffer f : framer.feed(ByteBuffer.wrap(junk))) {
                    assertTrue(f.remaining() <= 1 << 16);
                }
            } catch (FramingException expected) {
                assertTrue(expected.getMessage().contains("the maximum is 65536"), expected.getMessage());
            }
        }
    }

    @Test
    void oversizedAndNegativeLengthsAreRefusedBeforeAllocating() {
        StreamFramer framer = new StreamFramer(100);
        assertThrows(FramingException.class, () -> framer.feed(ByteBuffer.wrap(new byte[] { 0, 0, 0, 101 })));
        assertThrows(FramingException.class, () -> new StreamFramer(100).feed(ByteBuffer.wrap(new byte[] { (byte) 0xff, 0, 0, 0 })));
    }

    @Test
    void aCutFrameIsVisible() throws Exception {
        StreamFramer framer = new StreamFramer(100);
        assertTrue(framer.feed(ByteBuffer.wrap(new byte[] { 0, 0 })).isEmpty());
        assertTrue(framer.midFrame());
    }
}

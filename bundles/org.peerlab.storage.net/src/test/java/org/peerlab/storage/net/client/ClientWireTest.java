package org.peerlab.storage.net.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.net.config.StorageConfig;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;

/** The client's own frame forms match the codec's; settings and progress output. */
class ClientWireTest {

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void storeDataFramesAreTheCodecsForm() {
        byte[] piece = new byte[1000];
        Arrays.fill(piece, (byte) 9);
        piece[10] = 1;
        ByteBuffer scratch = ByteBuffer.allocate(600);
        byte[] expected = StorageCodec.encode(new StorageMessage.StoreData(Arrays.copyOfRange(piece, 10, 510)));
        assertArrayEquals(expected, bytes(StorageLink.storeData(scratch, piece, 10, 500)));
        assertArrayEquals(StorageCodec.encode(new StorageMessage.StoreData(new byte[0])), bytes(StorageLink.storeData(scratch, piece, 0, 0)),
                "the buffer is reused from the start");
    }

    @Test
    void receivedFramesDecodeAsTheCodecDecodesThem() throws ProtocolException {
        byte[] data = "some shard bytes".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.wrap(StorageCodec.encode(new StorageMessage.Data(data)));
        StorageMessage.Data d = assertInstanceOf(StorageMessage.Data.class, StorageLink.decode(frame));
        assertArrayEquals(data, d.data());
        assertEquals(0, frame.position(), "the frame is not consumed");
        StorageMessage e = StorageLink.decode(ByteBuffer.wrap(StorageCodec.encode(new StorageMessage.Error(ErrorCode.QUOTA, "full"))));
        assertEquals(new StorageMessage.Error(ErrorCode.QUOTA, "full"), e);
        ByteBuffer tooBig = ByteBuffer.allocate(StorageCodec.MAX_DATA + 2);
        tooBig.put(0, (byte) StorageMessage.Type.DATA.code());
        assertThrows(ProtocolException.class, () -> StorageLink.decode(tooBig), "an oversized DATA goes to the codec, which refuses it");
        assertThrows(ProtocolException.class, () -> StorageLink.decode(ByteBuffer.wrap(new byte[] { 99 })));
    }

    @Test
    void settingsComeFromTheConfiguration() {
        ClientSettings s = ClientSettings.from(StorageConfig.defaultsOnly().with("coordinator", "10.0.0.1:4000"));
        assertEquals(new ClientSettings("10.0.0.1:4000", 8, 20, 8 << 20, "aes-256-gcm", "pbkdf2-sha256", "reed-solomon"), s);
    }

    @Test
    void withoutATerminalOnlyTheSummaryIsPrinted() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(b, true, StandardCharsets.UTF_8), "put", false);
        for (long i = 0; i <= 100; i++) {
            p.progress(i << 20, 100L << 20);
        }
        p.finish("stored f as 00");
        String out = b.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("put stored f as 00: 100 MiB in "), out);
        assertTrue(out.contains(" MB/s"), out);
    }

    @Test
    void onATerminalTheLineIsRedrawnAtMostFourTimesASecond() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(b, true, StandardCharsets.UTF_8), "get", true);
        for (long i = 0; i < 1000; i++) {
            p.progress(i, 1000);
        }
        p.progress(1000, 1000);
        String out = b.toString(StandardCharsets.UTF_8);
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertTrue(redraws >= 2 && redraws <= 3, "the first update and the last, not every one: " + redraws);
        assertTrue(out.contains("100%"), out);
    }
}

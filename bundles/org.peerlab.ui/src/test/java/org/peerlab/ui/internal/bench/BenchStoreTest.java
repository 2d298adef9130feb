package org.peerlab.ui.internal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.bench.BenchResult;
import org.peerlab.bench.BenchSettings;
import org.peerlab.bench.Measurement;
import org.peerlab.ui.internal.runs.RunEntry;

class BenchStoreTest {

    @Test
    void aResultReadsBackEqualAndListsAsABenchmarkRun(@TempDir Path dir) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", "test cpu");
        machine.put("Cores", "2");
        BenchResult r = new BenchResult(List.of(
                new Measurement("aead", "aes-256-gcm", "seal", "chunk=16KiB", "MB/s", 812.5, 3.25, 4.0, 5, 1234),
                new Measurement("kdf", "hkdf-sha256", "derive", "", "ops/s", 1.5e6, 2e4, Double.NaN, 5, 99)), machine, 12.75);
        BenchStore.write(r, false, dir);
        assertEquals(r, BenchStore.read(dir));
        assertTrue(Files.notExists(dir.resolve(BenchStore.FILE + ".tmp")));
        RunEntry e = RunEntry.of(dir);
        assertEquals(RunEntry.Kind.BENCHMARK, e.kind());
        assertEquals("2", e.runs());
        assertEquals("ok", e.status());
    }

    @Test
    void aForeignFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(BenchStore.FILE), "{\"measurements\": 3}");
        IOException e = assertThrows(IOException.class, () -> BenchStore.read(dir));
        assertTrue(e.getMessage().contains(BenchStore.FILE), e.getMessage());
    }

    @Test
    void dialogFieldsAreChecked() {
        BenchSettings s = BenchDialog.parse(" aead , kdf", "aes-256-gcm", "0", "2", "20");
        assertEquals(new BenchSettings(0, 2, 20, java.util.Set.of("aead", "kdf"), java.util.Set.of("aes-256-gcm")), s);
        assertThrows(IllegalArgumentException.class, () -> BenchDialog.parse("no-such-family", "", "0", "2", "20"));
        assertThrows(IllegalArgumentException.class, () -> BenchDialog.parse("", "", "x", "2", "20"));
        assertThrows(IllegalArgumentException.class, () -> BenchDialog.parse("", "", "0", "1", "20"));
    }
}

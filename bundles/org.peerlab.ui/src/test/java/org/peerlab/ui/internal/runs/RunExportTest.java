package org.peerlab.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportTest {

    private static Path fakeRun(Path root) throws IOException {
        Path run = new RunCatalog(root).newFolder("demo", LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        Files.createDirectories(run.resolve("report/charts"));
        Files.writeString(run.resolve("results.json"), "{}");
        Files.writeString(run.resolve("points.csv"), "point\n");
        Files.writeString(run.resolve("report/report.html"), "<html></html>");
        Files.writeString(run.resolve("report/charts/a.png"), "png");
        Files.writeString(run.resolve("points.csv.tmp"), "half-written");
        return run;
    }

    @Test
    void copiesResultsAndReportButNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path run = fakeRun(dir.resolve("runs"));
        assertEquals("20250102-030405-demo", run.getFileName().toString());
        Path html = RunExport.exportRun(run, dir.resolve("out"));
        assertEquals(dir.resolve("out/report/report.html").toAbsolutePath(), html);
        assertEquals("{}", Files.readString(dir.resolve("out/results.json")));
        assertTrue(Files.isRegularFile(dir.resolve("out/report/charts/a.png")));
        assertTrue(Files.notExists(dir.resolve("out/points.csv.tmp")));
    }

    @Test
    void neverOverwrites(@TempDir Path dir) throws Exception {
        Path run = fakeRun(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("empty"));
        RunExport.exportRun(run, dir.resolve("empty"));
        assertThrows(FileAlreadyExistsException.class, () -> RunExport.exportRun(run, dir.resolve("empty")));
        Path file = Files.writeString(dir.resolve("file"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> RunExport.exportRun(run, file));
        assertEquals("keep me", Files.readString(file));
        assertThrows(IOException.class, () -> RunExport.exportRun(run, run.resolve("inside")));
        assertThrows(IOException.class, () -> RunExport.exportRun(dir.resolve("missing"), dir.resolve("x")));
    }

    @Test
    void catalogListsNewestFirstSkipsHiddenAndDeletesOnlyItsOwn(@TempDir Path dir) throws Exception {
        RunCatalog catalog = new RunCatalog(dir.resolve("runs"));
        assertTrue(catalog.list().isEmpty());
        Path a = fakeRun(dir.resolve("runs"));
        Path b = catalog.newFolder("demo", LocalDateTime.of(2025, 1, 2, 3, 4, 5));
        assertEquals("20250102-030405-demo-2", b.getFileName().toString());
        Files.createDirectories(dir.resolve("runs/20260101-000000-later"));
        Files.createDirectories(dir.resolve("runs/.20270101-000000-writing"));
        var list = catalog.list();
        assertEquals(2, list.size());
        assertEquals("20260101-000000-later", list.get(0).name());
        assertEquals(RunEntry.Kind.UNKNOWN, list.get(0).kind());
        assertThrows(IllegalArgumentException.class, () -> catalog.delete(dir));
        catalog.delete(a);
        assertTrue(Files.notExists(a));
        assertEquals(1, catalog.list().size());
    }
}

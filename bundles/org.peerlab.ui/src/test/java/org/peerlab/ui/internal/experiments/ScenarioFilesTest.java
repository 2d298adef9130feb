package org.peerlab.ui.internal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.experiment.ScenarioReader;

class ScenarioFilesTest {

    @TempDir
    Path dir;

    private ScenarioFiles files() throws Exception {
        Path shipped = Files.createDirectories(dir.resolve("simulation"));
        Files.writeString(shipped.resolve("quickstart.json"), "{\"name\": \"quickstart\",\n  \"workload\": {\"name\": \"transfer\"}, \"seed\": 1}");
        return new ScenarioFiles(shipped, dir.resolve("mine"));
    }

    @Test
    void newScenariosGoToTheUserFolderCreatedOnDemand() throws Exception {
        ScenarioFiles f = files();
        assertEquals(List.of(), f.userScenarios());
        Path created = f.create("study", 9);
        assertEquals(dir.resolve("mine/study.json"), created);
        assertEquals("study", ScenarioReader.read(created).name());
        assertEquals(9, ScenarioReader.read(created).seed());
        assertEquals(List.of(created), f.userScenarios());
        assertThrows(FileAlreadyExistsException.class, () -> f.create("study", 1));
        assertThrows(IllegalArgumentException.class, () -> f.create("Study Two", 1));
        assertEquals("study-2", f.freeName("study"));
        assertFalse(Files.list(dir.resolve("mine")).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }

    @Test
    void duplicatingAShippedScenarioRenamesItAndKeepsTheRestByteForByte() throws Exception {
        ScenarioFiles f = files();
        Path shipped = f.shippedScenarios().get(0);
        assertTrue(f.isShipped(shipped));
        Path copy = f.duplicate(shipped, "my-quickstart");
        assertFalse(f.isShipped(copy));
        assertEquals("{\"name\": \"my-quickstart\",\n  \"workload\": {\"name\": \"transfer\"}, \"seed\": 1}", Files.readString(copy, StandardCharsets.UTF_8));
    }

    @Test
    void renameMovesTheFileAndItsNameDeleteRemovesIt() throws Exception {
        ScenarioFiles f = files();
        Path a = f.create("a", 1);
        Path b = f.rename(a, "b");
        assertFalse(Files.exists(a));
        assertEquals("b", ScenarioReader.read(b).name());
        f.delete(b);
        assertEquals(List.of(), f.userScenarios());
    }

    @Test
    void shippedScenariosAreNotChangedInPlace() throws Exception {
        ScenarioFiles f = files();
        Path shipped = f.shippedScenarios().get(0);
        assertThrows(IllegalArgumentException.class, () -> f.rename(shipped, "other"));
        assertThrows(IllegalArgumentException.class, () -> f.delete(shipped));
        assertTrue(Files.exists(shipped));
    }

    @Test
    void namesFollowTheScenarioRule() {
        assertNull(ScenarioFiles.nameProblem("loss-study.v2_b"));
        assertTrue(ScenarioFiles.nameProblem("-x").contains("lower-case"));
        assertTrue(ScenarioFiles.nameProblem("").contains("name"));
        assertEquals("loss", ScenarioFiles.nameOf(Path.of("/a/loss.json")));
    }

    @Test
    void withNameLeavesTextsItCannotReadAlone() {
        assertEquals("{broken", ScenarioFiles.withName("{broken", "x"));
        assertEquals("{\"seed\": 1}", ScenarioFiles.withName("{\"seed\": 1}", "x"));
        assertEquals("{ \"name\" : \"new\" }", ScenarioFiles.withName("{ \"name\" : \"o\\\"ld\" }", "new"));
    }
}

package org.peerlab.ui.internal.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerlab.ui.internal.WorkbenchPrefs;
import org.peerlab.ui.internal.WorkbenchPrefs.ChartStyle;

class PreferenceValuesTest {

    @Test
    void validFieldsAreStoredAndReadBack(@TempDir Path dir) throws Exception {
        PreferenceValues v = PreferenceValues.parse(dir.resolve("s").toString(), " " + dir.resolve("r") + " ", " 3", "-42", ChartStyle.DARK);
        WorkbenchPrefs prefs = new WorkbenchPrefs(dir.resolve("config"));
        v.store(prefs);
        assertEquals(v, PreferenceValues.of(prefs));
        assertEquals(dir.resolve("r"), prefs.runsFolder());
        assertEquals(-42, prefs.defaultSeed());
        assertEquals(ChartStyle.DARK, prefs.chartStyle());
    }

    @Test
    void everyBadFieldIsReportedAtOnce(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var e = assertThrows(PreferenceValues.InvalidPreferencesException.class,
                () -> PreferenceValues.parse("relative/path", file.toString(), "0", "1.5", null));
        assertEquals(5, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("absolute"), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("is a file"), e.problems().get(1));
        assertTrue(e.problems().get(2).contains("between 1 and"), e.problems().get(2));
        assertTrue(e.problems().get(3).contains("whole number"), e.problems().get(3));
        assertThrows(PreferenceValues.InvalidPreferencesException.class,
                () -> PreferenceValues.parse("", dir.toString(), "x", "1", ChartStyle.LIGHT));
        assertThrows(PreferenceValues.InvalidPreferencesException.class,
                () -> PreferenceValues.parse(dir.toString(), dir.toString(), "1025", "1", ChartStyle.LIGHT));
    }
}

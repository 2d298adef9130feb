package org.peerlab.ui.internal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peerlab.core.json.SourcePosition;
import org.peerlab.experiment.ScenarioException;
import org.peerlab.experiment.ScenarioException.Problem;
import org.peerlab.experiment.ScenarioReader;

class ProblemMarkerTest {

    private static List<ProblemMarker> markers(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(text, "t.json"));
        return ProblemMarker.of(text, e.problems());
    }

    private static String marked(String text, ProblemMarker m) {
        return text.substring(m.offset(), m.offset() + m.length());
    }

    @Test
    void aWrongValueIsMarkedOnItsLineWithItsToken() {
        String text = "{\n  \"name\": \"x\",\n  \"workload\": {\"name\": \"transfer\"},\n  \"replications\": 0,\n  \"seed\": 1\n}\n";
        List<ProblemMarker> m = markers(text);
        assertEquals(1, m.size());
        assertEquals(3, m.get(0).line());
        assertEquals("0", marked(text, m.get(0)));
        assertEquals(true, m.get(0).message().startsWith("replications: "), m.get(0).message());
    }

    @Test
    void stringsAreMarkedWithTheirQuotes() {
        String text = "{\n  \"name\": \"Bad Name\",\n  \"workload\": {\"name\": \"transfer\"},\n  \"seed\": 1\n}";
        ProblemMarker m = markers(text).get(0);
        assertEquals(1, m.line());
        assertEquals("\"Bad Name\"", marked(text, m));
    }

    @Test
    void aMissingKeyMarksTheObjectThatShouldHoldIt() {
        String text = "{\n  \"workload\": {\"name\": \"transfer\"},\n  \"seed\": 1\n}";
        ProblemMarker m = markers(text).get(0);
        assertEquals(0, m.line());
        assertEquals("{", marked(text, m));
        assertEquals(true, m.message().contains("name"), m.message());
    }

    @Test
    void everyProblemGetsAMarkerInFileOrder() {
        String text = "{\n  \"name\": \"x\",\n  \"colour\": 1,\n  \"workload\": {\"name\": \"transfer\"},\n  \"replications\": -1,\n  \"seed\": 1\n}";
        List<ProblemMarker> m = markers(text);
        assertEquals(List.of(2, 4), m.stream().map(ProblemMarker::line).toList());
    }

    @Test
    void syntaxErrorsAtTheEndAreMarkedOnTheLastCharacter() {
        String text = "{\n  \"name\": \"x\",\n";
        ProblemMarker m = markers(text).get(0);
        assertEquals(2, m.line(), "the error is at the end of the text, on its empty last line");
        assertEquals(0, m.length());
    }

    @Test
    void positionsOutsideTheTextAreClamped() {
        String text = "{\"a\": 1}\n{\"b\": 2}";
        List<ProblemMarker> m = ProblemMarker.of(text, List.of(new Problem(new SourcePosition("t", 9, 1), "", "far"),
                new Problem(new SourcePosition("t", 1, 99), "a", "wide")));
        assertEquals(1, m.get(0).line());
        assertEquals(0, m.get(1).line());
        assertEquals("}", marked(text, m.get(1)));
        assertEquals("a: wide", m.get(1).message());
    }

    @Test
    void crlfLineEndsAreNotPartOfTheLine() {
        String text = "{\r\n  \"name\": 7\r\n}";
        ProblemMarker m = ProblemMarker.of(text, List.of(new Problem(new SourcePosition("t", 2, 40), "name", "x"))).get(0);
        assertEquals(1, m.line());
        assertEquals("7", marked(text, m));
    }
}

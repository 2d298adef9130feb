package org.peerlab.ui.internal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.experiment.Scenario;
import org.peerlab.experiment.ScenarioReader;

class ScenarioDocumentTest {

    private static final String TEMPLATE = ScenarioFiles.template("demo", 7);

    @Test
    void readsTheFieldsTheFormShows() throws Exception {
        ScenarioDocument d = ScenarioDocument.parse(TEMPLATE);
        assertEquals("demo", d.name());
        assertEquals("transfer", d.workload());
        assertEquals(Map.of("file-size-mib", 16L, "flows", 1L), d.parameters("workload"));
        assertEquals(50L, d.parameters("network").get("bandwidth-mbps"));
        assertEquals(Map.of(), d.parameters("population"));
        assertEquals(Map.of("aead", "aes-256-gcm", "key-exchange", "x25519"), d.strategies());
        assertEquals(Map.of("network.latency-ms", List.of(5L, 40L)), d.sweep());
        assertEquals(2, d.replications());
        assertEquals("7", d.seed());
    }

    @Test
    void editsComeBackAsAScenarioTheReaderAccepts() throws Exception {
        ScenarioDocument d = ScenarioDocument.parse(TEMPLATE);
        d.setStrategy("aead", "chacha20-poly1305");
        d.setStrategy("key-exchange", null);
        Map<String, List<Object>> sweep = new LinkedHashMap<>();
        sweep.put("network.loss", List.of(0L, 0.01));
        d.setSweep(sweep);
        d.setReplications(3);
        d.setSeed("42");
        Map<String, Object> population = Map.of("crashes", Map.of("uptime-s", 10L, "downtime-s", 1L));
        d.setParameters("population", population);
        d.setWorkload("transfer");

        Scenario s = ScenarioReader.parse(d.text(), "form.json");
        assertEquals(3, s.replications());
        assertEquals(42, s.seed());
        assertEquals("network.loss", s.sweep().get(0).path());
        assertEquals(2, s.pointCount());
        ScenarioDocument again = ScenarioDocument.parse(d.text());
        assertEquals(Map.of("aead", "chacha20-poly1305"), again.strategies());
        assertEquals(population, again.parameters("population"));
        assertEquals(Map.of("file-size-mib", 16L, "flows", 1L), again.parameters("workload"), "the workload name is kept apart");
    }

    @Test
    void newTopLevelKeysGoWhereTheFormatListsThem() throws Exception {
        ScenarioDocument d = ScenarioDocument.parse("{\"name\": \"x\", \"workload\": {\"name\": \"transfer\"}, \"seed\": 1}");
        d.setReplications(4);
        d.setDescription("about x");
        d.setStrategy("aead", "aes-256-gcm");
        String text = d.text();
        assertTrue(text.indexOf("\"description\"") < text.indexOf("\"workload\""), text);
        assertTrue(text.indexOf("\"strategies\"") < text.indexOf("\"replications\""), text);
        assertTrue(text.indexOf("\"replications\"") < text.indexOf("\"seed\""), text);
        d.setDescription("");
        assertFalse(d.text().contains("description"), "an empty description is removed");
    }

    @Test
    void wrongTypesAreShownAndKeptForValidationToReport() throws Exception {
        ScenarioDocument d = ScenarioDocument.parse("{\"name\": 5, \"seed\": \"soon\", \"sweep\": {\"network.loss\": 0.1}}");
        assertEquals("5", d.name());
        assertEquals("\"soon\"", d.seed());
        assertEquals(Map.of("network.loss", List.of(0.1)), d.sweep());
        d.setSeed("not a number");
        assertTrue(d.text().contains("\"seed\": \"not a number\""), d.text());
    }

    @Test
    void textLooksLikeTheShippedScenarios() throws Exception {
        ScenarioDocument d = ScenarioDocument.parse(TEMPLATE);
        d.setReplications(3);
        assertEquals(TEMPLATE.replace("\"sweep\": {\n    \"network.latency-ms\": [5, 40]\n  }", "\"sweep\": {\"network.latency-ms\": [5, 40]}")
                .replace("\"replications\": 2", "\"replications\": 3"), d.text());
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            wide.put("parameter-" + i, (long) i);
        }
        d.setParameters("network", wide);
        String text = d.text();
        assertTrue(text.contains("\"network\": {\n    \"parameter-0\": 0,\n"), "a long object is written a key a line:\n" + text);
        assertEquals(wide, ScenarioDocument.parse(text).parameters("network"));
    }

    @Test
    void onlyJsonObjectsAreScenarios() {
        assertThrows(JsonSyntaxException.class, () -> ScenarioDocument.parse("{\"name\": "));
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> ScenarioDocument.parse("[1, 2]"));
        assertTrue(e.reason().contains("JSON object"), e.reason());
        assertThrows(IllegalArgumentException.class, () -> ScenarioDocument.parse("{}").parameters("strategies"));
    }
}

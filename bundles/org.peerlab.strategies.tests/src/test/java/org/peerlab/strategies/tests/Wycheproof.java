package org.peerlab.strategies.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads a Wycheproof file from {@code ../shared/vectors/wycheproof} (system property
 * {@code peerlab.wycheproof}) and keeps the tally of one run: cases run per result flag, cases not
 * applicable to the strategy (other key or nonce sizes), and failures with their tcId. The tally
 * is printed and appended to {@code target/wycheproof-summary.txt}.
 */
final class Wycheproof {

    static final HexFormat HEX = HexFormat.of();

    /** A case's verdict as the file states it. */
    enum Result { VALID, INVALID, ACCEPTABLE }

    final String file;
    final String strategy;
    final JsonNode root;
    private int valid;
    private int invalid;
    private int acceptable;
    private int notApplicable;
    private final List<String> failures = new ArrayList<>();

    Wycheproof(String file, String strategy) throws IOException {
        this.file = file;
        this.strategy = strategy;
        String dir = System.getProperty("peerlab.wycheproof", "../../../shared/vectors/wycheproof");
        Path path = Path.of(dir, file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("Wycheproof vectors not found at " + path.toAbsolutePath()
                    + " (the build expects ../shared/vectors/wycheproof beside the checkout)");
        }
        root = new ObjectMapper().readTree(path.toFile());
    }

    /** Every test case of every group, with its group. */
    record Case(JsonNode group, JsonNode test) {
        int id() {
            return test.get("tcId").asInt();
        }

        Result result() {
            return Result.valueOf(test.get("result").asText().toUpperCase(java.util.Locale.ROOT));
        }

        byte[] hex(String field) {
            return HEX.parseHex(test.get(field).asText());
        }

        String text(String field) {
            return test.get(field).asText();
        }
    }

    List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode g : root.get("testGroups")) {
            for (JsonNode t : g.get("tests")) {
                out.add(new Case(g, t));
            }
        }
        return out;
    }

    void skip() {
        notApplicable++;
    }

    /**
     * Records a case given whether the strategy accepted it and, when it did, whether its output
     * matched the expected one. Valid cases must be accepted with the right output, invalid ones
     * rejected; acceptable ones may go either way but a wrong output is still a failure.
     */
    void record(Case c, boolean accepted, boolean outputMatches, String detail) {
        Result r = c.result();
        switch (r) {
            case VALID -> valid++;
            case INVALID -> invalid++;
            case ACCEPTABLE -> acceptable++;
        }
        boolean ok = switch (r) {
            case VALID -> accepted && outputMatches;
            case INVALID -> !accepted;
            case ACCEPTABLE -> !accepted || outputMatches;
        };
        if (!ok) {
            failures.add("tcId " + c.id() + " (" + r + ", " + c.test().path("comment").asText() + "): "
                    + (accepted ? (outputMatches ? "accepted" : "accepted with a wrong output") : "rejected") + (detail == null ? "" : " - " + detail));
        }
    }

    /** Prints and stores the tally; fails the test when any case failed or none ran. */
    void finish() throws IOException {
        int run = valid + invalid + acceptable;
        String line = String.format("wycheproof %-40s %-18s %4d cases run (valid %d, invalid %d, acceptable %d), %d not applicable, %d failures",
                file, strategy, run, valid, invalid, acceptable, notApplicable, failures.size());
        System.out.println(line);
        Path summary = Path.of("target", "wycheproof-summary.txt");
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (run == 0) {
            throw new AssertionError(file + ": no case was applicable to " + strategy);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(file + " with " + strategy + ": " + failures.size() + " failure(s):\n  " + String.join("\n  ", failures));
        }
    }
}

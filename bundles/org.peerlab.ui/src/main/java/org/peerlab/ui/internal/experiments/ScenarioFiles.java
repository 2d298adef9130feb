package org.peerlab.ui.internal.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.peerlab.core.json.JsonParser;
import org.peerlab.core.json.JsonSyntaxException;
import org.peerlab.core.json.JsonValue;
import org.peerlab.core.json.JsonValue.JsonObject;

/**
 * The two folders of scenario files the Experiments view shows: the scenarios PeerLab ships
 * ({@code <peerlab.home>/simulation}, read-only here) and the user's own folder (from the
 * preferences, created on demand). File operations keep a file's name and its scenario
 * {@code "name"} the same ({@code <name>.json}), since the name picks the results folder.
 * Writes are atomic (temporary file, then move). Not thread-safe; use from one thread.
 */
public final class ScenarioFiles {

    /** System property naming the PeerLab installation (the start script sets it). */
    public static final String HOME_PROPERTY = "peerlab.home";
    /** Extension of scenario files. */
    public static final String EXTENSION = ".json";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final Path shipped;
    private final Path user;

    /**
     * @param shipped the shipped scenarios' folder, or {@code null} when unknown
     * @param user    the user's scenario folder (need not exist yet)
     */
    public ScenarioFiles(Path shipped, Path user) {
        this.shipped = shipped == null ? null : shipped.toAbsolutePath().normalize();
        this.user = user.toAbsolutePath().normalize();
    }

    /** @return the folders as the preferences and the installation give them now */
    public static ScenarioFiles fromPreferences() {
        return new ScenarioFiles(shippedFolder(), org.peerlab.ui.internal.WorkbenchPrefs.user().scenarioFolder());
    }

    /** @return {@code $peerlab.home/simulation} when the property is set and the folder exists */
    public static Path shippedFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            return null;
        }
        Path folder = Path.of(home, "simulation");
        return Files.isDirectory(folder) ? folder : null;
    }

    /** @return the shipped folder, if known */
    public Optional<Path> shipped() {
        return Optional.ofNullable(shipped);
    }

    /** @return the user's folder */
    public Path user() {
        return user;
    }

    /** @return the shipped scenario files, sorted by name (empty when the folder is unknown) */
    public List<Path> shippedScenarios() throws IOException {
        return shipped == null ? List.of() : list(shipped);
    }

    /** @return the user's scenario files, sorted by name (empty while the folder does not exist) */
    public List<Path> userScenarios() throws IOException {
        return Files.isDirectory(user) ? list(user) : List.of();
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** @return whether {@code file} is one of the shipped scenarios (which are not edited in place) */
    public boolean isShipped(Path file) {
        return shipped != null && file.toAbsolutePath().normalize().startsWith(shipped);
    }

    /** @return {@code null} when {@code name} can name a scenario, else why not */
    public static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a scenario needs a name";
        }
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' must be lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";
        }
        return null;
    }

    /** @return the scenario name a file stands for: its name without {@code .json} */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length()) : n;
    }

    /** @return the file {@code name} would have in the user's folder */
    public Path userFile(String name) {
        return user.resolve(name + EXTENSION);
    }

    /**
     * Creates {@code <name>.json} in the user's folder from the new-scenario template.
     *
     * @throws IllegalArgumentException for a name that cannot name a scenario
     * @throws FileAlreadyExistsException when a scenario of that name exists
     */
    public Path create(String name, long seed) throws IOException {
        Path file = target(name);
        write(file, template(name, seed));
        return file;
    }

    /**
     * Copies {@code source} (shipped or the user's) into the user's folder as {@code newName},
     * with its scenario name changed to match.
     */
    public Path duplicate(Path source, String newName) throws IOException {
        Path file = target(newName);
        write(file, withName(Files.readString(source, StandardCharsets.UTF_8), newName));
        return file;
    }

    /**
     * Renames one of the user's scenarios to {@code newName} (file and scenario name).
     *
     * @throws IllegalArgumentException for shipped scenarios and bad names
     */
    public Path rename(Path file, String newName) throws IOException {
        refuseShipped(file, "renamed");
        Path target = target(newName);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        write(target, withName(text, newName));
        Files.delete(file);
        return target;
    }

    /**
     * Deletes one of the user's scenarios.
     *
     * @throws IllegalArgumentException for shipped scenarios
     */
    public void delete(Path file) throws IOException {
        refuseShipped(file, "deleted");
        Files.delete(file);
    }

    /** @return {@code base}, or {@code base-2}, {@code base-3}, ... : the first name free in the user's folder */
    public String freeName(String base) {
        String name = base;
        for (int n = 2; Files.exists(userFile(name)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private void refuseShipped(Path file, String what) {
        if (isShipped(file)) {
            throw new IllegalArgumentException("shipped scenarios cannot be " + what + "; duplicate " + file.getFileName() + " first");
        }
    }

    private Path target(String name) throws IOException {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path file = userFile(name);
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a scenario called " + name + " exists already");
        }
        return file;
    }

    /** Writes {@code text} to {@code file} atomically (creating the folder). */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return the text of a new scenario: a small transfer experiment that runs in seconds */
    public static String template(String name, long seed) {
        return """
                {
                  "name": "%s",
                  "description": "A new experiment: one secure transfer over a simulated bottleneck",
                  "workload": {"name": "transfer", "file-size-mib": 16, "flows": 1},
                  "network": {"bandwidth-mbps": 50, "latency-ms": 20, "loss": 0},
                  "strategies": {"aead": "aes-256-gcm", "key-exchange": "x25519"},
                  "sweep": {
                    "network.latency-ms": [5, 40]
                  },
                  "replications": 2,
                  "seed": %d
                }
                """.formatted(name, seed);
    }

    /**
     * @return {@code text} with its top-level {@code "name"} string replaced by {@code newName},
     *         everything else byte for byte; the text unchanged when it is not a JSON object
     *         with a string name
     */
    public static String withName(String text, String newName) {
        JsonValue json;
        try {
            json = JsonParser.parse(text, "scenario");
        } catch (JsonSyntaxException e) {
            return text;
        }
        if (!(json instanceof JsonObject top) || !(top.get("name") instanceof JsonValue.JsonString name)) {
            return text;
        }
        int start = TextLines.offset(text, name.position().line(), name.position().column());
        int end = start + 1;
        while (end < text.length() && text.charAt(end) != '"') {
            end += text.charAt(end) == '\\' ? 2 : 1;
        }
        if (start >= text.length() || text.charAt(start) != '"' || end >= text.length()) {
            return text;
        }
        return text.substring(0, start) + '"' + newName + '"' + text.substring(end + 1);
    }
}

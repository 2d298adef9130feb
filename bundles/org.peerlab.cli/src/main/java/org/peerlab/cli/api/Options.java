package org.peerlab.cli.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code --flag}, {@code --name value} and {@code --name=value} options and positional
 * arguments against a declared set; anything undeclared is a {@link UsageException}.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    /**
     * @param command     command name, for messages
     * @param args        the words to parse
     * @param flags       options without a value (without the leading {@code --})
     * @param valued      options taking a value
     * @param maxPositional how many positional arguments are allowed
     */
    public static Options parse(String command, List<String> args, Set<String> flags, Set<String> valued, int maxPositional)
            throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("option --" + name + " of '" + command + "' takes no value");
                    }
                    o.values.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " of '" + command + "' needs a value");
                        }
                        value = args.get(++i);
                    }
                    o.values.put(name, value);
                } else {
                    throw new UsageException("unknown option '" + a + "' for '" + command + "' (see: peerlab " + command + " --help)");
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + a + "' for '" + command + "' (see: peerlab " + command + " --help)");
            } else {
                if (o.positional.size() >= maxPositional) {
                    throw new UsageException("unexpected argument '" + a + "' for '" + command + "' (see: peerlab " + command + " --help)");
                }
                o.positional.add(a);
            }
        }
        return o;
    }

    /** @return whether the flag was given */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** @return the option's value, if given */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** @return the positional arguments in order */
    public List<String> positional() {
        return positional;
    }
}

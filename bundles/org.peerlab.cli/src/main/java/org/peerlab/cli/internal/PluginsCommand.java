package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.json.Json;
import org.peerlab.plugins.InstalledPlugin;
import org.peerlab.plugins.PluginException;
import org.peerlab.plugins.PluginManager;

/** {@code peerlab plugins list|install|uninstall}: strategy plugins from p2 repositories or bundle jars. */
@Component(service = Command.class)
public class PluginsCommand implements Command {

    @Reference
    PluginManager plugins;

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list, install or uninstall strategy plugins (p2 repositories or bundle jars)";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab plugins list [--json]
                       peerlab plugins install PATH
                       peerlab plugins uninstall NAME

                list       the installed plugins: name, version, where each was installed from, its
                           bundles and the strategies it brought
                install    installs the plugin in PATH: a p2 repository folder (with plugins/ and
                           features/), a zip of one, or a single bundle jar. A repository holds one
                           feature, whose id names the plugin; a bare jar is named by its symbolic name.
                           Its strategies are usable at once (peerlab strategies, scenarios, the
                           workbench) and after restarts. Nothing is left behind when it fails.
                uninstall  removes the plugin NAME (as list shows it) and its strategies; scenarios
                           naming them then say which plugin to install

                  --json   print a JSON array of objects with the keys name, version, source,
                           bundles and strategies

                Plugins are kept in plugins/ of the configuration folder ($PEERLAB_CONFIG, else
                $XDG_CONFIG_HOME/peerlab, else ~/.config/peerlab).
                Exit codes: 0 success, 1 the install or uninstall was refused (the message says
                why), 2 usage errors.
                Example: peerlab plugins install examples/org.peerlab.example.repository/target/repository
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of("json"), Set.of(), 2);
        List<String> words = o.positional();
        if (words.isEmpty()) {
            throw new UsageException("say what to do: list, install PATH or uninstall NAME (see: peerlab plugins --help)");
        }
        String action = words.get(0);
        if (o.flag("json") && !action.equals("list")) {
            throw new UsageException("--json goes with list only");
        }
        switch (action) {
            case "list" -> {
                if (words.size() > 1) {
                    throw new UsageException("list takes no argument");
                }
                list(o.flag("json"), out);
                return 0;
            }
            case "install", "uninstall" -> {
                if (words.size() < 2) {
                    throw new UsageException(action + " needs " + (action.equals("install") ? "a path" : "a plugin name (see: peerlab plugins list)"));
                }
                try {
                    if (action.equals("install")) {
                        InstalledPlugin p = plugins.install(Path.of(words.get(1)));
                        out.println("Installed plugin " + p.name() + " " + p.version() + " from " + p.source() + ".");
                        out.println("  strategies: " + strategies(p));
                    } else {
                        plugins.uninstall(words.get(1));
                        out.println("Uninstalled plugin " + words.get(1) + ".");
                    }
                    return 0;
                } catch (PluginException e) {
                    err.println("peerlab plugins " + action + ": " + e.getMessage());
                    return CommandDispatcher.FAILURE;
                }
            }
            default -> throw new UsageException("unknown action '" + action + "' (known: install, list, uninstall)");
        }
    }

    private void list(boolean json, PrintStream out) {
        List<InstalledPlugin> all = plugins.list();
        if (json) {
            out.println(Json.write(all.stream().map(PluginsCommand::toMap).toList()));
            return;
        }
        if (all.isEmpty()) {
            out.println("no plugins are installed (see: peerlab plugins --help)");
            return;
        }
        for (InstalledPlugin p : all) {
            out.println(p.name() + "  " + p.version());
            out.println("    source:     " + p.source());
            out.println("    bundles:    " + String.join(", ", p.bundles()));
            out.println("    strategies: " + strategies(p));
        }
    }

    private static String strategies(InstalledPlugin p) {
        return p.strategies().isEmpty() ? "none" : String.join(", ", p.strategies());
    }

    static Map<String, Object> toMap(InstalledPlugin p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("version", p.version());
        m.put("source", p.source().toString());
        m.put("bundles", p.bundles());
        m.put("strategies", p.strategies());
        return m;
    }
}

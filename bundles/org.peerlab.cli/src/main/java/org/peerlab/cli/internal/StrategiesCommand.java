package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.core.json.Json;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;

/** {@code peerlab strategies}: lists the installed strategies. */
@Component(service = Command.class)
public class StrategiesCommand implements Command {

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "strategies";
    }

    @Override
    public String summary() {
        return "list the installed strategies by family, with their parameters";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab strategies [--family FAMILY] [--json]

                Lists every installed strategy: family, name, description, parameters (type,
                default, allowed range) and the bundle providing it, with its version.

                  --family FAMILY  only that family (e.g. aead, key-exchange, kdf, redundancy, transport)
                  --json           print a JSON array of objects with the keys family, name,
                                   description, provider, version and parameters
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options options = Options.parse(name(), args, Set.of("json"), Set.of("family"), 0);
        List<RegisteredStrategy> strategies = options.value("family").map(f -> registry.family(f).strategies()).orElse(registry.all());
        if (options.value("family").isPresent() && strategies.isEmpty()) {
            err.println("peerlab strategies: no strategy of family '" + options.value("family").get() + "' is installed (families: "
                    + String.join(", ", registry.families()) + ")");
            return 1;
        }
        if (options.flag("json")) {
            out.println(Json.write(strategies.stream().map(StrategiesCommand::toMap).toList()));
        } else {
            out.print(table(strategies));
        }
        return 0;
    }

    static Map<String, Object> toMap(RegisteredStrategy s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", s.family());
        m.put("name", s.name());
        m.put("description", s.descriptor().description());
        m.put("provider", s.providerBundle());
        m.put("version", s.providerVersion());
        List<Object> params = new ArrayList<>();
        for (ParameterSpec p : s.descriptor().parameters()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().label());
            pm.put("default", p.defaultValue());
            if (p.min() != null) {
                pm.put("min", p.min());
                pm.put("max", p.max());
            }
            if (!p.choices().isEmpty()) {
                pm.put("choices", p.choices());
            }
            pm.put("description", p.description());
            params.add(pm);
        }
        m.put("parameters", params);
        return m;
    }

    static String table(List<RegisteredStrategy> strategies) {
        StringBuilder sb = new StringBuilder();
        String family = null;
        for (RegisteredStrategy s : strategies) {
            if (!s.family().equals(family)) {
                family = s.family();
                sb.append(sb.isEmpty() ? "" : "\n").append(family).append('\n');
            }
            sb.append("  ").append(s.name()).append("  ").append(s.descriptor().description()).append('\n');
            sb.append("      provided by ").append(s.providerBundle()).append(' ').append(s.providerVersion()).append('\n');
            for (ParameterSpec p : s.descriptor().parameters()) {
                sb.append("      ").append(p.name()).append(": ").append(p.type().label()).append(" = ").append(p.defaultValue())
                        .append("  (").append(p.allowed()).append(")  ").append(p.description()).append('\n');
            }
        }
        if (strategies.isEmpty()) {
            sb.append("no strategies are installed\n");
        }
        return sb.toString();
    }
}

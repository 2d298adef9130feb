package org.peerlab.storage.net.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;

/** {@code peerlab storage SUBCOMMAND}: the erasure-coded storage network's processes and client. */
@Component(service = Command.class)
public class StorageCommand implements Command {

    @Reference
    StrategyRegistry registry;

    private final Map<String, StorageSubcommand> subcommands = new TreeMap<>();

    public StorageCommand() {
        for (StorageSubcommand s : StorageSubcommands.all()) {
            subcommands.put(s.name(), s);
        }
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public String summary() {
        return "erasure-coded storage network: run a coordinator or a storage node, put and get files";
    }

    @Override
    public String help() {
        StringBuilder b = new StringBuilder("""
                Usage: peerlab storage SUBCOMMAND [OPTIONS]   (peerlab storage SUBCOMMAND --help for its options)

                A coordinator keeps the node registry and each file's metadata; storage nodes keep
                shards on disk; clients encrypt a file, erasure-code it (Reed-Solomon 8-of-20 by
                default) and place one shard per node. The coordinator audits nodes with proofs of
                retrievability, scores them, disqualifies bad ones and repairs files whose healthy
                shards run low. Defaults come from the configuration file (see --config).

                """);
        subcommands.values().forEach(s -> b.append(String.format("  %-12s %s%n", s.name(), s.summary())));
        return b.toString();
    }

    @Override
    public boolean handlesHelp() {
        return true;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(help());
            return args.isEmpty() ? 2 : 0;
        }
        StorageSubcommand s = subcommands.get(args.get(0));
        if (s == null) {
            throw new UsageException("unknown storage subcommand '" + args.get(0) + "'; one of " + String.join(", ", subcommands.keySet()));
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(s.help());
            return 0;
        }
        return s.run(rest, registry, out, err);
    }
}

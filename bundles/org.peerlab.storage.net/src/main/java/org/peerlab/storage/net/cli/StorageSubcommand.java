package org.peerlab.storage.net.cli;

import java.io.PrintStream;
import java.util.List;

import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;

/** One word after {@code peerlab storage}: coordinator, node, put, get, info, peers. */
public interface StorageSubcommand {

    /** @return the word, e.g. {@code put} */
    String name();

    /** @return one line for the list */
    String summary();

    /** @return full help: usage, options, examples */
    String help();

    /**
     * @param args the words after the subcommand
     * @return exit code: 0 success, 1 failure, 2 usage error
     */
    int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException;
}

package org.peerlab.cli.api;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code peerlab} command, registered as an OSGi service. Commands write results to
 * {@code out} and diagnostics to {@code err}, and return the process exit code.
 */
public interface Command {

    /** @return the word that selects this command, e.g. {@code strategies} */
    String name();

    /** @return one line for the command list */
    String summary();

    /** @return the full help: usage line, options, examples */
    String help();

    /**
     * @param args the words after the command name
     * @return exit code: 0 success, 1 failure, 2 usage error
     * @throws UsageException for unknown options or bad arguments (the caller prints it and exits 2)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;

    /**
     * @return whether {@link #run} answers {@code --help} itself (commands with subcommands, whose
     *         help depends on the subcommand); otherwise the dispatcher prints {@link #help()}
     */
    default boolean handlesHelp() {
        return false;
    }
}

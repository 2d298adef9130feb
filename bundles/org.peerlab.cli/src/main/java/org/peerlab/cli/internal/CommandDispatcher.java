package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.UsageException;

/**
 * Chooses the command from the first word and runs it; handles {@code --help} at both levels.
 * Exit codes: 0 success, 1 failure, 2 usage error (unknown command or option).
 */
public final class CommandDispatcher {

    public static final int USAGE = 2;
    public static final int FAILURE = 1;

    private final Collection<Command> commands;
    private final String version;

    public CommandDispatcher(Collection<Command> commands, String version) {
        this.commands = commands;
        this.version = version;
    }

    public int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            if (args.size() > 1 && args.get(0).equals("help")) {
                return dispatch(List.of(args.get(1), "--help"), out, err);
            }
            out.print(overview());
            return 0;
        }
        if (args.get(0).equals("--version")) {
            out.println("PeerLab " + version);
            return 0;
        }
        String name = args.get(0);
        Optional<Command> command = find(name);
        if (command.isEmpty()) {
            err.println("peerlab: unknown command '" + name + "' (see: peerlab --help)");
            return USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if ((rest.contains("--help") || rest.contains("-h")) && !command.get().handlesHelp()) {
            out.println(command.get().help().stripTrailing());
            return 0;
        }
        try {
            return command.get().run(rest, out, err);
        } catch (UsageException e) {
            String prefix = "peerlab " + name + ": ";
            String message = String.valueOf(e.getMessage());
            err.println(message.startsWith(prefix) ? message : prefix + message); // some commands name themselves already
            return USAGE;
        } catch (RuntimeException | LinkageError e) {
            // A bug, not bad input: say so plainly, with the trace for the report, and fail.
            err.println("peerlab " + name + ": internal error: " + e);
            e.printStackTrace(err);
            return FAILURE;
        }
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("PeerLab ").append(version).append(": secure peer-to-peer file sharing, and a testbed to measure it.\n\n");
        sb.append("Usage: peerlab                  open the workbench\n");
        sb.append("       peerlab COMMAND [ARGS]   run a command headless\n");
        sb.append("       peerlab COMMAND --help   describe one command\n\nCommands:\n");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(8);
        commands.stream().sorted(Comparator.comparing(Command::name)).forEach(c -> sb.append("  ")
                .append(String.format("%-" + width + "s", c.name())).append("  ").append(c.summary()).append('\n'));
        sb.append("\nOptions: --help, --version\n");
        return sb.toString();
    }
}

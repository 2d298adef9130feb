package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.transfer.pairing.Devices;

/** {@code peerlab forget}: removes a paired device. */
@Component(service = Command.class)
public class ForgetCommand implements Command {

    @Override
    public String name() {
        return "forget";
    }

    @Override
    public String summary() {
        return "forget a paired device (it will need a code again)";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab forget PEER-ID

                Removes the paired device PEER-ID (as listed by peerlab peers). Sending to it or
                receiving from it then needs a code again. Exit status 1 if no such device is paired.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse(name(), args, Set.of(), Set.of(), 1);
        if (o.positional().isEmpty()) {
            throw new UsageException("peerlab forget: name the peer id to forget (see peerlab peers)");
        }
        String id = o.positional().get(0);
        try {
            if (new Devices(Devices.defaultFolder()).forget(id)) {
                out.println("Forgot " + id + ".");
                return 0;
            }
            err.println("peerlab forget: " + id + " is not a paired device (see peerlab peers)");
            return 1;
        } catch (IOException e) {
            err.println("peerlab forget: " + e.getMessage());
            return TransferSupport.IO_ERROR;
        }
    }
}

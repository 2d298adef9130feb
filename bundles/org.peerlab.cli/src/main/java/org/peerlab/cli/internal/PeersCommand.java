package org.peerlab.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.peerlab.cli.api.Command;
import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.SigningKeyPair;
import org.peerlab.protocol.transfer.PeerIdentity;
import org.peerlab.transfer.pairing.Devices;

/** {@code peerlab peers}: this device's identity and the devices paired with it. */
@Component(service = Command.class)
public class PeersCommand implements Command {

    @Reference
    StrategyRegistry registry;

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public String summary() {
        return "show this device's peer id and the paired devices";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab peers

                Prints this device's peer id and identity fingerprint, then one line per paired device:
                peer id, fingerprint, last rendezvous server, date paired. Devices pair by completing a
                transfer with a code or QR code; paired devices send with `peerlab send --to PEER-ID` and
                receive with `peerlab receive PEER-ID`, without a code. Identity and pairings live in
                $PEERLAB_CONFIG, else $XDG_CONFIG_HOME/peerlab, else ~/.config/peerlab (owner-only).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Options.parse(name(), args, Set.of(), Set.of(), 0);
        Devices devices = new Devices(Devices.defaultFolder());
        try {
            SigningKeyPair identity = devices.identity(TransferSupport.identityScheme(registry));
            PeerIdentity self = new PeerIdentity("ed25519", identity.publicKey());
            out.println("This device: " + self.peerId() + "  fingerprint " + self.fingerprintText());
            List<Devices.Paired> paired = devices.paired();
            if (paired.isEmpty()) {
                out.println("No paired devices yet: a transfer by code or QR code pairs the two devices.");
            }
            for (Devices.Paired p : paired) {
                out.println(p.identity().peerId() + "  " + p.identity().fingerprintText() + "  rendezvous " + (p.rendezvous() == null ? "-" : p.rendezvous())
                        + "  paired " + p.since());
            }
            return 0;
        } catch (IOException e) {
            err.println("peerlab peers: " + e.getMessage());
            return TransferSupport.IO_ERROR;
        }
    }
}

package org.peerlab.sim.nat;

import java.util.List;
import java.util.Objects;

/**
 * TURN messages (RFC 8656), reduced to what relaying needs: allocation, permissions, and data in
 * Send and Data indications. Refresh is left out: attempts are shorter than an allocation's
 * ten-minute lifetime.
 */
public sealed interface TurnMessage {

    /** Bytes a Send or Data indication adds around the relayed payload. */
    int OVERHEAD_BYTES = 36;
    /** Wire size of a control message, in bytes. */
    int CONTROL_BYTES = 48;

    /** Asks for a relayed address for the client's 5-tuple. */
    record Allocate(long transaction) implements TurnMessage {
    }

    /** @param relayed the relayed transport address peers send to */
    record AllocateOk(long transaction, Endpoint relayed) implements TurnMessage {
        public AllocateOk {
            Objects.requireNonNull(relayed, "relayed");
        }
    }

    /** Lets datagrams from these peer addresses (any port) reach the client. */
    record CreatePermission(long transaction, List<Integer> peerIps) implements TurnMessage {
        public CreatePermission {
            peerIps = List.copyOf(peerIps);
        }
    }

    /** Confirms a {@link CreatePermission}. */
    record PermissionOk(long transaction) implements TurnMessage {
    }

    /** Client to server: relay {@code data} ({@code bytes} long) to {@code peer}. */
    record Send(Endpoint peer, Object data, int bytes) implements TurnMessage {
        public Send {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Server to client: {@code peer} sent {@code data} to the relayed address. */
    record Data(Endpoint peer, Object data, int bytes) implements TurnMessage {
        public Data {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(data, "data");
        }
    }
}

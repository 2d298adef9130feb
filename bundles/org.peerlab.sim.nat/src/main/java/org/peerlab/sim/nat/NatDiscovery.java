package org.peerlab.sim.nat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 5780 NAT behaviour discovery as a sans-I/O machine (sections 4.3 and 4.4), finishing with a
 * {@link NatClassification}. Mapping, from socket 0: test I to the primary address; test II to
 * the alternate address, primary port (same mapped address: endpoint-independent); test III to the
 * alternate address and port (same as test II: address-dependent, else address-and-port-dependent).
 * Filtering, from a fresh socket 1 so that the mapping tests' permissions do not interfere: a plain
 * request, then one asking for an answer from the other address and port (answered:
 * endpoint-independent), then one asking for the other port only (answered: address-dependent,
 * else address-and-port-dependent). Each request is sent up to {@code tries} times, {@code retryNanos} apart.
 */
public final class NatDiscovery implements NatMachine {

    private enum Step { MAPPING_1, MAPPING_2, MAPPING_3, FILTER_OPEN, FILTER_CHANGE_BOTH, FILTER_CHANGE_PORT, DONE }

    private static final int TIMER = 0;

    private final Endpoint server;
    private final long retryNanos;
    private final int tries;
    private List<MachineAction> out;
    private Step step;
    private long transaction;
    private int sent;
    private Endpoint local;
    private Endpoint mapped1;
    private Endpoint mapped2;
    private Endpoint other;
    private EndpointDependence mapping;

    /**
     * @param server     the STUN server's primary endpoint; the server must support RFC 5780
     * @param retryNanos wait for an answer before resending, > 0
     * @param tries      requests per test, >= 1
     */
    public NatDiscovery(Endpoint server, long retryNanos, int tries) {
        this.server = Objects.requireNonNull(server, "server");
        if (retryNanos <= 0 || tries < 1) {
            throw new IllegalArgumentException("need retry > 0 ns and tries >= 1, got " + retryNanos + ", " + tries);
        }
        this.retryNanos = retryNanos;
        this.tries = tries;
    }

    @Override
    public List<MachineAction> handle(MachineInput input) {
        out = new ArrayList<>();
        switch (input) {
            case MachineInput.Start s -> out.add(new MachineAction.Bind(0));
            case MachineInput.Bound b when b.socket() == 0 -> {
                local = b.local();
                begin(Step.MAPPING_1);
            }
            case MachineInput.Bound b -> begin(Step.FILTER_OPEN);
            case MachineInput.Received r when r.payload() instanceof StunMessage.BindingResponse response
                    && response.transaction() == transaction -> answered(response);
            case MachineInput.TimerFired t when step != Step.DONE -> {
                if (sent < tries) {
                    send();
                } else {
                    unanswered();
                }
            }
            default -> {
                // late answers and stray messages
            }
        }
        return out;
    }

    private void answered(StunMessage.BindingResponse response) {
        out.add(new MachineAction.CancelTimer(TIMER));
        switch (step) {
            case MAPPING_1 -> {
                mapped1 = response.mapped();
                other = response.otherAddress();
                if (mapped1.equals(local)) {
                    mapping = EndpointDependence.ENDPOINT_INDEPENDENT;
                    out.add(new MachineAction.Bind(1));
                } else {
                    begin(Step.MAPPING_2);
                }
            }
            case MAPPING_2 -> {
                mapped2 = response.mapped();
                if (mapped2.equals(mapped1)) {
                    mapping = EndpointDependence.ENDPOINT_INDEPENDENT;
                    out.add(new MachineAction.Bind(1));
                } else {
                    begin(Step.MAPPING_3);
                }
            }
            case MAPPING_3 -> {
                mapping = response.mapped().equals(mapped2) ? EndpointDependence.ADDRESS_DEPENDENT
                        : EndpointDependence.ADDRESS_AND_PORT_DEPENDENT;
                out.add(new MachineAction.Bind(1));
            }
            case FILTER_OPEN -> begin(Step.FILTER_CHANGE_BOTH);
            case FILTER_CHANGE_BOTH -> done(EndpointDependence.ENDPOINT_INDEPENDENT);
            case FILTER_CHANGE_PORT -> done(EndpointDependence.ADDRESS_DEPENDENT);
            case DONE -> {
                // nothing left to learn
            }
        }
    }

    private void unanswered() {
        switch (step) {
            case MAPPING_1 -> {
                step = Step.DONE;
                out.add(new MachineAction.Finish(NatClassification.blocked()));
            }
            case FILTER_CHANGE_BOTH -> begin(Step.FILTER_CHANGE_PORT);
            case FILTER_CHANGE_PORT -> done(EndpointDependence.ADDRESS_AND_PORT_DEPENDENT);
            default -> {
                step = Step.DONE;
                out.add(new MachineAction.Finish(new NatClassification(false, !mapped1.equals(local), mapping, null, mapped1)));
            }
        }
    }

    private void begin(Step next) {
        step = next;
        sent = 0;
        send();
    }

    private void send() {
        transaction++;
        sent++;
        int socket = step.compareTo(Step.FILTER_OPEN) >= 0 ? 1 : 0;
        Endpoint to = switch (step) {
            case MAPPING_2 -> new Endpoint(other.ip(), server.port());
            case MAPPING_3 -> other;
            default -> server;
        };
        boolean changeIp = step == Step.FILTER_CHANGE_BOTH;
        boolean changePort = step == Step.FILTER_CHANGE_BOTH || step == Step.FILTER_CHANGE_PORT;
        out.add(new MachineAction.Send(socket, to, new StunMessage.BindingRequest(transaction, changeIp, changePort),
                StunMessage.REQUEST_BYTES));
        out.add(new MachineAction.SetTimer(TIMER, retryNanos));
    }

    private void done(EndpointDependence filtering) {
        step = Step.DONE;
        out.add(new MachineAction.Finish(new NatClassification(false, !mapped1.equals(local), mapping, filtering, mapped1)));
    }
}

package org.peerlab.sim.nat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.peerlab.sim.nat.ConnectivityCheck;
import org.peerlab.sim.nat.Endpoint;
import org.peerlab.sim.nat.MachineAction;
import org.peerlab.sim.nat.MachineInput;
import org.peerlab.sim.nat.NatMachine;
import org.peerlab.sim.nat.PortAllocation;
import org.peerlab.sim.nat.StunMessage;
import org.peerlab.sim.nat.TraversalContext;
import org.peerlab.sim.nat.TraversalOutcome;
import org.peerlab.sim.nat.TraversalPath;

/**
 * One side of birthday-paradox hole punching. Each side asks STUN at the primary address and at
 * the alternate address (RFC 5780 test II) to learn whether its mapping is endpoint-dependent
 * ("hard"). Easy and easy (or hard and hard) punch from one socket to the peer's reflexive
 * address. Hard against easy: the hard side opens {@code sockets} sockets, each sending to the
 * easy side's reflexive address (so its NAT opens that many mappings towards it), then signals;
 * the easy side sends {@code probes} checks to distinct random ports of the hard side's address.
 * A probe landing on one of those mappings passes the hard side's filter; triggered checks then
 * validate the pair. Success chance 1 - C(R-n, m)/C(R, m) with R the NAT's port range.
 */
final class BirthdayPunchMachine implements NatMachine {

    private static final int MAIN = 0;
    private static final int DEADLINE = 0;
    private static final int STUN = 1;
    private static final int PROBE = 2;
    private static final int RESEND = 3;

    private final TraversalContext context;
    private final int sockets;
    private final int probes;
    private final long probeIntervalNanos;
    private final long resendNanos;
    private final long timeoutNanos;
    private final Map<Long, long[]> pending = new HashMap<>(); // tx -> {socket, ip, port}
    private final Map<Integer, Endpoint> targets = new HashMap<>(); // socket -> peer address it punches
    private List<MachineAction> out;
    private long nextTransaction = 1;
    private long stunTx;
    private Endpoint stunServer;
    private int stunTries;
    private Endpoint primaryMapped;
    private Endpoint reflexive;
    private boolean hard;
    private BirthdayOffer.Mapping peer;
    private boolean planned;
    private int[] probePorts;
    private int probed;
    private boolean finished;

    BirthdayPunchMachine(TraversalContext context, int sockets, int probes, long probeIntervalNanos, long resendNanos,
            long timeoutNanos) {
        this.context = context;
        this.sockets = sockets;
        this.probes = probes;
        this.probeIntervalNanos = probeIntervalNanos;
        this.resendNanos = resendNanos;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public List<MachineAction> handle(MachineInput input) {
        out = new ArrayList<>();
        switch (input) {
            case MachineInput.Start s -> {
                out.add(new MachineAction.Bind(MAIN));
                out.add(new MachineAction.SetTimer(DEADLINE, timeoutNanos));
            }
            case MachineInput.Bound b when b.socket() == MAIN -> {
                if (context.stun().isEmpty()) {
                    offer(null, false);
                } else {
                    stun(context.stun().get());
                }
            }
            case MachineInput.Bound b -> punch(b.socket(), targets.get(b.socket()));
            case MachineInput.Received r -> received(r);
            case MachineInput.SignalReceived s -> signal(s.message());
            case MachineInput.TimerFired t -> timer(t.timer());
        }
        return out;
    }

    private void stun(Endpoint server) {
        stunServer = server;
        stunTx = nextTransaction++;
        stunTries = 0;
        out.add(new MachineAction.Send(MAIN, server, StunMessage.BindingRequest.plain(stunTx), StunMessage.REQUEST_BYTES));
        out.add(new MachineAction.SetTimer(STUN, 250_000_000L));
    }

    private void received(MachineInput.Received r) {
        switch (r.payload()) {
            case StunMessage.BindingResponse response when response.transaction() == stunTx && reflexive == null -> {
                out.add(new MachineAction.CancelTimer(STUN));
                if (primaryMapped == null) {
                    primaryMapped = response.mapped();
                    stun(new Endpoint(response.otherAddress().ip(), context.stun().get().port()));
                } else {
                    offer(primaryMapped, !response.mapped().equals(primaryMapped));
                }
            }
            case ConnectivityCheck.Request request when addressedToMe(request) -> {
                out.add(new MachineAction.Send(r.socket(), r.from(),
                        new ConnectivityCheck.Response(request.transaction(), context.localTag(), context.peerTag(), r.from()),
                        ConnectivityCheck.BYTES));
                if (!finished) {
                    check(r.socket(), r.from());
                }
            }
            case ConnectivityCheck.Response response when addressedToMe(response) -> {
                long[] sent = pending.remove(response.transaction());
                if (sent != null && sent[0] == r.socket() && new Endpoint((int) sent[1], (int) sent[2]).equals(r.from())) {
                    finish(new TraversalOutcome(TraversalPath.PUNCHED, "socket " + r.socket() + " -> " + r.from()
                            + (hard || peer != null && peer.endpointDependent() ? " (birthday probe)" : ""), r.socket(), r.from()));
                }
            }
            default -> {
                // stray or late message
            }
        }
    }

    private boolean addressedToMe(ConnectivityCheck check) {
        return check.receiver().equals(context.localTag()) && check.sender().equals(context.peerTag());
    }

    private void offer(Endpoint mapped, boolean dependent) {
        reflexive = mapped;
        hard = dependent;
        out.add(new MachineAction.Signal(new BirthdayOffer.Mapping(context.localTag(), mapped, dependent)));
        if (mapped == null) {
            finish(TraversalOutcome.failed("no reflexive address (STUN unanswered)"));
        }
        plan();
    }

    private void signal(Object message) {
        if (!(message instanceof BirthdayOffer offer) || !offer.sender().equals(context.peerTag())) {
            return;
        }
        switch (offer) {
            case BirthdayOffer.Mapping mapping -> {
                peer = mapping;
                if (mapping.reflexive() == null) {
                    finish(TraversalOutcome.failed("peer has no reflexive address"));
                }
                plan();
            }
            case BirthdayOffer.PortsOpen open -> {
                if (!finished && probePorts == null && peer != null) {
                    probePorts = distinctRandomPorts(Math.min(probes, PortAllocation.PORT_RANGE));
                    out.add(new MachineAction.SetTimer(PROBE, 0));
                }
            }
        }
    }

    private void plan() {
        if (planned || finished || reflexive == null || peer == null) {
            return;
        }
        planned = true;
        if (hard && !peer.endpointDependent()) {
            for (int s = 1; s <= sockets; s++) {
                targets.put(s, peer.reflexive());
                out.add(new MachineAction.Bind(s));
            }
            out.add(new MachineAction.Signal(new BirthdayOffer.PortsOpen(context.localTag())));
        } else {
            targets.put(MAIN, peer.reflexive());
            punch(MAIN, peer.reflexive());
        }
        out.add(new MachineAction.SetTimer(RESEND, resendNanos));
    }

    private void punch(int socket, Endpoint to) {
        long tx = nextTransaction++;
        pending.put(tx, new long[] {socket, to.ip(), to.port()});
        out.add(new MachineAction.Send(socket, to, new ConnectivityCheck.Request(tx, context.localTag(), context.peerTag(), false, false),
                ConnectivityCheck.BYTES));
    }

    private void check(int socket, Endpoint from) {
        punch(socket, from);
    }

    private void timer(int timer) {
        switch (timer) {
            case DEADLINE -> finish(TraversalOutcome.failed(failureReason()));
            case STUN -> {
                if (reflexive != null || planned || finished) {
                    return;
                }
                if (++stunTries < 4) {
                    out.add(new MachineAction.Send(MAIN, stunServer, StunMessage.BindingRequest.plain(stunTx), StunMessage.REQUEST_BYTES));
                    out.add(new MachineAction.SetTimer(STUN, 250_000_000L));
                } else {
                    offer(primaryMapped, false);
                }
            }
            case PROBE -> {
                if (finished || probed >= probePorts.length) {
                    return;
                }
                punch(MAIN, new Endpoint(peer.reflexive().ip(), probePorts[probed++]));
                out.add(new MachineAction.SetTimer(PROBE, probeIntervalNanos));
            }
            case RESEND -> {
                if (!finished) {
                    targets.forEach(this::punch);
                    out.add(new MachineAction.SetTimer(RESEND, resendNanos));
                }
            }
            default -> throw new IllegalStateException("unknown timer " + timer);
        }
    }

    private int[] distinctRandomPorts(int count) {
        Set<Integer> chosen = new HashSet<>();
        int[] ports = new int[count];
        int n = 0;
        while (n < count) {
            int p = PortAllocation.FIRST_PORT + context.random().nextInt(PortAllocation.PORT_RANGE);
            if (chosen.add(p)) {
                ports[n++] = p;
            }
        }
        return ports;
    }

    private void finish(TraversalOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        for (int t = DEADLINE; t <= RESEND; t++) {
            out.add(new MachineAction.CancelTimer(t));
        }
        out.add(new MachineAction.Finish(outcome));
    }

    private String failureReason() {
        if (peer == null) {
            return "no offer from the peer";
        }
        if (hard && peer.endpointDependent()) {
            return "both mappings endpoint-dependent; no punch answered";
        }
        return (hard != peer.endpointDependent() ? "no birthday probe hit (" + probed + " probes, " + sockets + " sockets)"
                : "no punch answered");
    }
}

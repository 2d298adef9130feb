package org.peerlab.protocol.rendezvous;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/**
 * The rendezvous server's state, sans-I/O: clients are numbers, time comes in as an argument,
 * and everything to send or close goes out through {@link Output}. Limits per client: a token
 * bucket of {@link Limits#burst} messages refilled at {@link Limits#perSecond}, a few nameplates
 * and rooms; a client breaking a rule is told why and disconnected, and everything it held is
 * released, without disturbing anyone else. Not thread-safe.
 */
public final class RendezvousCore {

    /** What the adapter must do. */
    public interface Output {
        void send(long client, byte[] message);

        void close(long client, String why);
    }

    /** Limits; {@link #defaults()} suit a public server. */
    public record Limits(int burst, double perSecond, int nameplatesPerClient, int roomsPerClient, int roomSize, int clients) {
        public static Limits defaults() {
            return new Limits(60, 20, 4, 4, 64, 10_000);
        }
    }

    private static final class Client {
        final long id;
        double tokens;
        long last;
        final List<String> nameplates = new ArrayList<>();
        final Map<String, String> rooms = new HashMap<>(); // room -> member id

        Client(long id, double tokens, long now) {
            this.id = id;
            this.tokens = tokens;
            this.last = now;
        }
    }

    private record Slot(long owner, List<String> candidates) {
    }

    private record Member(long client, List<String> candidates) {
    }

    private final Output output;
    private final Limits limits;
    private final Random random;
    private final Map<Long, Client> clients = new HashMap<>();
    private final Map<String, Slot> nameplates = new HashMap<>();
    private final Map<String, LinkedHashMap<String, Member>> rooms = new HashMap<>();
    private long rejected;

    /** @param random picks free nameplates for ALLOCATE */
    public RendezvousCore(Output output, Limits limits, Random random) {
        this.output = output;
        this.limits = limits;
        this.random = random;
    }

    /** @return whether the client is admitted (false: it was told and closed) */
    public boolean connected(long client, long nowNanos) {
        if (clients.size() >= limits.clients()) {
            output.send(client, Rv.error("server full"));
            output.close(client, "server full");
            return false;
        }
        clients.put(client, new Client(client, limits.burst(), nowNanos));
        return true;
    }

    public void disconnected(long client) {
        Client c = clients.remove(client);
        if (c == null) {
            return;
        }
        c.nameplates.forEach(nameplates::remove);
        for (Map.Entry<String, String> e : c.rooms.entrySet()) {
            leave(e.getKey(), e.getValue());
        }
    }

    public void received(long client, byte[] message, long nowNanos) {
        Client c = clients.get(client);
        if (c == null) {
            return;
        }
        c.tokens = Math.min(limits.burst(), c.tokens + (nowNanos - c.last) / 1e9 * limits.perSecond());
        c.last = nowNanos;
        if (c.tokens < 1) {
            drop(c, "too many messages: at most " + (int) limits.perSecond() + " per second");
            return;
        }
        c.tokens -= 1;
        try {
            Rv.Parsed m = Rv.parse(message);
            handle(c, m.op(), m.fields());
        } catch (ProtocolException e) {
            drop(c, e.getMessage());
        }
    }

    /** @return how many clients were disconnected for breaking a rule */
    public long rejected() {
        return rejected;
    }

    /** @return connected clients */
    public int clientCount() {
        return clients.size();
    }

    private void drop(Client c, String why) {
        rejected++;
        output.send(c.id, Rv.error(why));
        output.close(c.id, why);
        disconnected(c.id);
    }

    private void handle(Client c, int op, WireReader r) throws ProtocolException {
        switch (op) {
            case Rv.OPEN -> {
                String plate = Rv.name(r, "nameplate");
                List<String> candidates = Rv.candidates(r);
                r.end();
                Slot held = nameplates.get(plate);
                if (held != null && held.owner() != c.id) {
                    reply(c, Rv.error("nameplate " + plate + " is in use"));
                } else if (held == null && c.nameplates.size() >= limits.nameplatesPerClient()) {
                    reply(c, Rv.error("at most " + limits.nameplatesPerClient() + " nameplates per client"));
                } else {
                    nameplates.put(plate, new Slot(c.id, List.copyOf(candidates)));
                    if (held == null) {
                        c.nameplates.add(plate);
                    }
                    reply(c, Rv.start(Rv.OK).toByteArray());
                }
            }
            case Rv.ALLOCATE -> {
                r.end();
                String plate = null;
                for (int i = 0; i < 50 && plate == null; i++) {
                    String candidate = Integer.toString(1 + random.nextInt(i < 20 ? 99 : 9999));
                    if (!nameplates.containsKey(candidate)) {
                        plate = candidate;
                    }
                }
                reply(c, plate == null ? Rv.error("no free nameplate") : Rv.start(Rv.ALLOCATED).text(plate).toByteArray());
            }
            case Rv.LOOKUP -> {
                String plate = Rv.name(r, "nameplate");
                r.end();
                Slot s = nameplates.get(plate);
                reply(c, s == null ? Rv.error("nobody is waiting under " + plate) : Rv.start(Rv.FOUND).texts(s.candidates()).toByteArray());
            }
            case Rv.CLOSE -> {
                String plate = Rv.name(r, "nameplate");
                r.end();
                Slot s = nameplates.get(plate);
                if (s != null && s.owner() == c.id) {
                    nameplates.remove(plate);
                    c.nameplates.remove(plate);
                }
                reply(c, Rv.start(Rv.OK).toByteArray());
            }
            case Rv.JOIN -> join(c, r);
            case Rv.LEAVE -> {
                String room = Rv.name(r, "room");
                r.end();
                String member = c.rooms.remove(room);
                if (member != null) {
                    leave(room, member);
                }
                reply(c, Rv.start(Rv.OK).toByteArray());
            }
            case Rv.SIGNAL -> {
                String room = Rv.name(r, "room");
                String to = Rv.name(r, "to");
                byte[] data = r.bytes16("data", Rv.MAX_SIGNAL);
                r.end();
                String from = c.rooms.get(room);
                Member target = rooms.getOrDefault(room, new LinkedHashMap<>()).get(to);
                if (from == null) {
                    reply(c, Rv.error("join room " + room + " before signaling in it"));
                } else if (target == null) {
                    reply(c, Rv.error(to + " is not in room " + room));
                } else {
                    output.send(target.client(), Rv.start(Rv.SIGNALLED).text(room).text(from).bytes16(data).toByteArray());
                    reply(c, Rv.start(Rv.OK).toByteArray());
                }
            }
            default -> throw new ProtocolException(Reason.MALFORMED, "unknown rendezvous request " + op);
        }
    }

    private void join(Client c, WireReader r) throws ProtocolException {
        String room = Rv.name(r, "room");
        String member = Rv.name(r, "member");
        List<String> candidates = Rv.candidates(r);
        r.end();
        LinkedHashMap<String, Member> members = rooms.computeIfAbsent(room, k -> new LinkedHashMap<>());
        if (c.rooms.containsKey(room)) {
            reply(c, Rv.error("already in room " + room));
        } else if (c.rooms.size() >= limits.roomsPerClient()) {
            reply(c, Rv.error("at most " + limits.roomsPerClient() + " rooms per client"));
        } else if (members.containsKey(member)) {
            reply(c, Rv.error(member + " is already in room " + room));
        } else if (members.size() >= limits.roomSize()) {
            reply(c, Rv.error("room " + room + " is full (" + limits.roomSize() + " members)"));
        } else {
            WireWriter list = Rv.start(Rv.MEMBERS).text(room).u16(members.size());
            for (Map.Entry<String, Member> e : members.entrySet()) {
                list.text(e.getKey()).texts(e.getValue().candidates());
                output.send(e.getValue().client(), Rv.start(Rv.JOINED).text(room).text(member).texts(candidates).toByteArray());
            }
            members.put(member, new Member(c.id, List.copyOf(candidates)));
            c.rooms.put(room, member);
            reply(c, list.toByteArray());
            return;
        }
        if (members.isEmpty()) {
            rooms.remove(room);
        }
    }

    private void leave(String room, String member) {
        LinkedHashMap<String, Member> members = rooms.get(room);
        if (members == null || members.remove(member) == null) {
            return;
        }
        if (members.isEmpty()) {
            rooms.remove(room);
            return;
        }
        byte[] left = Rv.start(Rv.LEFT).text(room).text(member).toByteArray();
        members.values().forEach(m -> output.send(m.client(), left));
    }

    private void reply(Client c, byte[] message) {
        output.send(c.id, message);
    }
}

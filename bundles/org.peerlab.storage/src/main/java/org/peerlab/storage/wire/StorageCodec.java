package org.peerlab.storage.wire;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;
import org.peerlab.storage.wire.StorageMessage.*;

/**
 * Encodes and decodes {@link StorageMessage}s: a type byte, then the fields big-endian; byte
 * strings carry a 2-byte length ({@code bytes16}) or, where they may be large, a 4-byte one.
 * Decoding checks every length against the limits below and that nothing trails the message.
 */
public final class StorageCodec {

    /** Protocol version in HELLO. */
    public static final int VERSION = 1;
    /** The largest frame any party sends or accepts. */
    public static final int MAX_FRAME = 16 << 20;
    /** The largest STORE_DATA / DATA payload. */
    public static final int MAX_DATA = 1 << 20;
    /** The largest audit challenge. */
    public static final int MAX_CHALLENGE = 64 << 10;
    /** The largest audit response. */
    public static final int MAX_RESPONSE = 8 << 20;
    /** The largest audit record. */
    public static final int MAX_AUDIT_RECORD = 512 << 10;
    /** The most shards per file. */
    public static final int MAX_SHARDS = 256;

    static final int TEXT = 1024;

    private StorageCodec() {
    }

    public static byte[] encode(StorageMessage m) {
        WireWriter w = new WireWriter();
        switch (m) {
            case Hello h -> w.u8(Type.HELLO.code).u8(h.version()).text(h.signature()).bytes16(h.coordinatorKey()).bytes16(h.nonce());
            case Register r -> w.u8(Type.REGISTER.code).bytes16(r.nodeKey()).text(r.address()).u64(r.capacity()).u64(r.free())
                    .bytes16(r.proof());
            case Registered r -> w.u8(Type.REGISTERED.code).text(r.nodeId()).u64(r.heartbeatMillis());
            case Heartbeat h -> w.u8(Type.HEARTBEAT.code).u64(h.free()).u64(h.shards());
            case Challenge c -> big(w.u8(Type.CHALLENGE.code).u64(c.auditId()).text(c.shard()).text(c.scheme()).text(c.parameters()),
                    c.challenge());
            case Proof p -> big(w.u8(Type.PROOF.code).u64(p.auditId()), p.response());
            case Delete d -> w.u8(Type.DELETE.code).text(d.shard());
            case PutBegin p -> w.u8(Type.PUT_BEGIN.code).text(p.name()).u64(p.size()).u64(p.shardLength()).u16(p.k()).u16(p.n());
            case PutPlan p -> placements(w.u8(Type.PUT_PLAN.code).text(p.fileId()).text(p.audit()).text(p.auditParameters()), p.placements());
            case PutCommit c -> FileRecords.write(w.u8(Type.PUT_COMMIT.code), c.record());
            case PutAck a -> w.u8(Type.PUT_ACK.code).text(a.fileId());
            case PutAbort a -> w.u8(Type.PUT_ABORT.code).text(a.fileId()).text(a.reason());
            case Locate l -> w.u8(Type.LOCATE.code).text(l.fileId());
            case Location l -> {
                FileRecords.write(w.u8(Type.LOCATION.code), l.record());
                placements(w, l.placements());
                for (boolean b : l.healthy()) {
                    w.u8(b ? 1 : 0);
                }
            }
            case Peers p -> w.u8(Type.PEERS.code);
            case PeerList l -> {
                w.u8(Type.PEER_LIST.code).u32(l.peers().size());
                for (PeerInfo p : l.peers()) {
                    w.text(p.nodeId()).text(p.address()).u8(p.online() ? 1 : 0).u64(p.capacity()).u64(p.free()).u64(p.shards())
                            .u64(Double.doubleToLongBits(p.reputation())).u64(p.audits()).u8(p.contained() ? 1 : 0)
                            .u8(p.disqualified() ? 1 : 0).u64(p.lastSeenMillis());
                }
            }
            case Replace r -> big(w.u8(Type.REPLACE.code).text(r.fileId()).u16(r.index()).text(r.nodeId()).bytes16(r.sha256()),
                    r.auditRecord());
            case Replaced r -> placements(w.u8(Type.REPLACED.code).text(r.fileId()), List.of(r.placement()));
            case Store s -> order(w.u8(Type.STORE.code), s.order());
            case StoreData d -> w.u8(Type.STORE_DATA.code).raw(d.data());
            case StoreEnd e -> w.u8(Type.STORE_END.code).raw(e.sha256());
            case Stored s -> w.u8(Type.STORED.code).text(s.shard());
            case Read r -> order(w.u8(Type.READ.code), r.order()).u64(r.offset()).u32(r.length());
            case Data d -> w.u8(Type.DATA.code).raw(d.data());
            case StorageMessage.Error e -> w.u8(Type.ERROR.code).u16(e.code().code()).text(e.message());
        }
        return w.toByteArray();
    }

    /** @throws ProtocolException naming what is wrong with the message */
    public static StorageMessage decode(byte[] bytes) throws ProtocolException {
        if (bytes.length == 0) {
            throw new ProtocolException(Reason.MALFORMED, "empty storage message");
        }
        if (bytes.length > MAX_FRAME) {
            throw new ProtocolException(Reason.MALFORMED, "storage message of " + bytes.length + " bytes exceeds " + MAX_FRAME);
        }
        int code = bytes[0] & 0xff;
        Type type = null;
        for (Type t : Type.values()) {
            if (t.code == code) {
                type = t;
            }
        }
        if (type == null) {
            throw new ProtocolException(Reason.MALFORMED, "unknown storage message type " + code);
        }
        WireReader r = new WireReader(bytes, type.name());
        r.u8("type");
        StorageMessage m = switch (type) {
            case HELLO -> new Hello(r.u8("version"), r.text("signature", TEXT), r.bytes16("key", 1024), r.bytes16("nonce", 64));
            case REGISTER -> new Register(r.bytes16("key", 1024), r.text("address", TEXT), r.u64("capacity", Long.MAX_VALUE),
                    r.u64("free", Long.MAX_VALUE), r.bytes16("proof", 1024));
            case REGISTERED -> new Registered(r.text("node id", TEXT), r.u64("heartbeat", Long.MAX_VALUE));
            case HEARTBEAT -> new Heartbeat(r.u64("free", Long.MAX_VALUE), r.u64("shards", Long.MAX_VALUE));
            case CHALLENGE -> new Challenge(r.u64("audit id", Long.MAX_VALUE), r.text("shard", TEXT), r.text("scheme", TEXT),
                    r.text("parameters", TEXT), big(r, "challenge", MAX_CHALLENGE));
            case PROOF -> new Proof(r.u64("audit id", Long.MAX_VALUE), big(r, "response", MAX_RESPONSE));
            case DELETE -> new Delete(r.text("shard", TEXT));
            case PUT_BEGIN -> new PutBegin(r.text("name", TEXT), r.u64("size", Long.MAX_VALUE), r.u64("shard length", Long.MAX_VALUE),
                    r.u16("k"), r.u16("n"));
            case PUT_PLAN -> new PutPlan(r.text("file id", TEXT), r.text("audit", TEXT), r.text("audit parameters", TEXT), placements(r));
            case PUT_COMMIT -> new PutCommit(FileRecords.read(r));
            case PUT_ACK -> new PutAck(r.text("file id", TEXT));
            case PUT_ABORT -> new PutAbort(r.text("file id", TEXT), r.text("reason", TEXT));
            case LOCATE -> new Locate(r.text("file id", TEXT));
            case LOCATION -> {
                FileRecord rec = FileRecords.read(r);
                List<Placement> ps = placements(r);
                List<Boolean> healthy = new ArrayList<>();
                for (int i = 0; i < ps.size(); i++) {
                    healthy.add(r.u8("healthy") != 0);
                }
                yield new Location(rec, ps, healthy);
            }
            case PEERS -> new Peers();
            case PEER_LIST -> {
                int count = r.u32("peer count", 1_000_000);
                List<PeerInfo> peers = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    peers.add(new PeerInfo(r.text("node id", TEXT), r.text("address", TEXT), r.u8("online") != 0,
                            r.u64("capacity", Long.MAX_VALUE), r.u64("free", Long.MAX_VALUE), r.u64("shards", Long.MAX_VALUE),
                            Double.longBitsToDouble(r.u64("reputation", -1L >>> 1)), r.u64("audits", Long.MAX_VALUE),
                            r.u8("contained") != 0, r.u8("disqualified") != 0, r.u64("last seen", Long.MAX_VALUE)));
                }
                yield new PeerList(peers);
            }
            case REPLACE -> new Replace(r.text("file id", TEXT), r.u16("index"), r.text("node id", TEXT), r.bytes16("sha256", 64),
                    big(r, "audit record", MAX_AUDIT_RECORD));
            case REPLACED -> {
                String id = r.text("file id", TEXT);
                List<Placement> ps = placements(r);
                if (ps.size() != 1) {
                    throw new ProtocolException(Reason.MALFORMED, "REPLACED carries " + ps.size() + " placements, expected 1");
                }
                yield new Replaced(id, ps.get(0));
            }
            case STORE -> new Store(order(r));
            case STORE_DATA -> new StoreData(limit(r.rest(), "STORE_DATA"));
            case STORE_END -> new StoreEnd(r.fixed(32, "sha256"));
            case STORED -> new Stored(r.text("shard", TEXT));
            case READ -> new Read(order(r), r.u64("offset", Long.MAX_VALUE), r.u32("length", MAX_DATA));
            case DATA -> new Data(limit(r.rest(), "DATA"));
            case ERROR -> new StorageMessage.Error(ErrorCode.of(r.u16("code")), r.text("message", 4096));
        };
        r.end();
        return m;
    }

    private static byte[] limit(byte[] data, String what) throws ProtocolException {
        if (data.length > MAX_DATA) {
            throw new ProtocolException(Reason.MALFORMED, what + " of " + data.length + " bytes exceeds " + MAX_DATA);
        }
        return data;
    }

    static WireWriter big(WireWriter w, byte[] b) {
        return w.u32(b.length).raw(b);
    }

    static byte[] big(WireReader r, String field, int max) throws ProtocolException {
        int n = r.u32(field + " length", max);
        return r.fixed(n, field);
    }

    private static WireWriter order(WireWriter w, Order o) {
        return w.u8(o.op().ordinal()).text(o.shard()).text(o.nodeId()).u64(o.length()).u64(o.expiresAtMillis()).bytes16(o.signature());
    }

    private static Order order(WireReader r) throws ProtocolException {
        int op = r.u8("order op");
        if (op >= Order.Op.values().length) {
            throw new ProtocolException(Reason.MALFORMED, "unknown order operation " + op);
        }
        return new Order(Order.Op.values()[op], r.text("shard", TEXT), r.text("node id", TEXT), r.u64("length", Long.MAX_VALUE),
                r.u64("expiry", Long.MAX_VALUE), r.bytes16("signature", 1024));
    }

    private static WireWriter placements(WireWriter w, List<Placement> ps) {
        w.u16(ps.size());
        for (Placement p : ps) {
            order(w.u16(p.index()).text(p.nodeId()).text(p.address()), p.order());
        }
        return w;
    }

    private static List<Placement> placements(WireReader r) throws ProtocolException {
        int count = r.u16("placements");
        if (count > MAX_SHARDS) {
            throw new ProtocolException(Reason.MALFORMED, count + " placements exceed " + MAX_SHARDS);
        }
        List<Placement> ps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ps.add(new Placement(r.u16("index"), r.text("node id", TEXT), r.text("address", TEXT), order(r)));
        }
        return ps;
    }
}

package org.peerlab.storage.wire;

import java.util.ArrayList;
import java.util.List;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;
import org.peerlab.protocol.wire.WireReader;
import org.peerlab.protocol.wire.WireWriter;

/** The binary form of a {@link FileRecord}, inside messages and in the coordinator's store. */
public final class FileRecords {

    private FileRecords() {
    }

    /** @return the record alone, as the coordinator stores it */
    public static byte[] toBytes(FileRecord r) {
        return write(new WireWriter(), r).toByteArray();
    }

    /** @throws ProtocolException if the bytes are not one well-formed record */
    public static FileRecord fromBytes(byte[] bytes) throws ProtocolException {
        WireReader r = new WireReader(bytes, "file record");
        FileRecord rec = read(r);
        r.end();
        return rec;
    }

    static WireWriter write(WireWriter w, FileRecord r) {
        w.text(r.fileId()).text(r.name()).u64(r.size()).u32(r.segmentSize()).u64(r.createdMillis())
                .text(r.aead()).text(r.kdf()).text(r.kdfParameters()).bytes16(r.salt())
                .text(r.redundancy()).text(r.redundancyParameters()).u16(r.k()).u16(r.n()).u64(r.shardLength())
                .text(r.audit()).text(r.auditParameters()).u16(r.shards().size());
        for (FileRecord.ShardEntry s : r.shards()) {
            StorageCodec.big(w.u16(s.index()).text(s.nodeId()).bytes16(s.sha256()), s.auditRecord());
        }
        return StorageCodec.big(w, r.pieceHashes());
    }

    static FileRecord read(WireReader r) throws ProtocolException {
        String id = r.text("file id", StorageCodec.TEXT);
        String name = r.text("name", StorageCodec.TEXT);
        long size = r.u64("size", Long.MAX_VALUE);
        int segment = r.u32("segment size", Integer.MAX_VALUE);
        long created = r.u64("created", Long.MAX_VALUE);
        String aead = r.text("aead", StorageCodec.TEXT);
        String kdf = r.text("kdf", StorageCodec.TEXT);
        String kdfParameters = r.text("kdf parameters", StorageCodec.TEXT);
        byte[] salt = r.bytes16("salt", 256);
        String redundancy = r.text("redundancy", StorageCodec.TEXT);
        String redundancyParameters = r.text("redundancy parameters", StorageCodec.TEXT);
        int k = r.u16("k");
        int n = r.u16("n");
        long shardLength = r.u64("shard length", Long.MAX_VALUE);
        String audit = r.text("audit", StorageCodec.TEXT);
        String auditParameters = r.text("audit parameters", StorageCodec.TEXT);
        int count = r.u16("shards");
        if (count != n || n > StorageCodec.MAX_SHARDS || k < 1 || k > n || segment < 1) {
            throw new ProtocolException(Reason.MALFORMED, "file record with k " + k + ", n " + n + ", " + count + " shards, segment size "
                    + segment);
        }
        List<FileRecord.ShardEntry> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = r.u16("index");
            if (index != i) {
                throw new ProtocolException(Reason.MALFORMED, "shard entry " + i + " has index " + index);
            }
            shards.add(new FileRecord.ShardEntry(index, r.text("node id", StorageCodec.TEXT), r.bytes16("sha256", 64),
                    StorageCodec.big(r, "audit record", StorageCodec.MAX_AUDIT_RECORD)));
        }
        byte[] pieces = StorageCodec.big(r, "piece hashes", StorageCodec.MAX_FRAME / 2);
        long expected = FileRecord.segmentCount(size, segment) * n * 32;
        if (pieces.length != expected) {
            throw new ProtocolException(Reason.MALFORMED, "file record has " + pieces.length + " bytes of piece hashes, expected " + expected);
        }
        return new FileRecord(id, name, size, segment, created, aead, kdf, kdfParameters, salt, redundancy, redundancyParameters, k, n,
                shardLength, audit, auditParameters, shards, pieces);
    }
}

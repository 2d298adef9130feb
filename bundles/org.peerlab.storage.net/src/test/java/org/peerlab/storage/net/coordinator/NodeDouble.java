package org.peerlab.storage.net.coordinator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.storage.client.PieceHashes;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.transport.api.Connection;
import org.peerlab.transport.api.ConnectionHandler;
import org.peerlab.transport.api.Transport;

/**
 * Test double of a storage node's client side (the real node needs the tcp transport): serves
 * READ from shards in memory and takes STORE / STORE_DATA / STORE_END, refusing stores when told.
 * It does not check orders.
 */
final class NodeDouble implements Transport.HandlerFactory {

    final Map<String, byte[]> shards = new ConcurrentHashMap<>();
    volatile boolean refuseStores;
    volatile int reads;

    @Override
    public ConnectionHandler newHandler() {
        return new ConnectionHandler() {
            String storing;
            boolean discarding;
            final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void onOpen(Connection c) {
            }

            @Override
            public void onFrame(Connection c, ByteBuffer frame) {
                byte[] bytes = new byte[frame.remaining()];
                frame.get(bytes);
                StorageMessage m;
                try {
                    m = StorageCodec.decode(bytes);
                } catch (ProtocolException e) {
                    reply(c, new StorageMessage.Error(ErrorCode.MALFORMED, e.getMessage()));
                    return;
                }
                switch (m) {
                    case StorageMessage.Read r -> {
                        reads++;
                        byte[] s = shards.get(r.order().shard());
                        if (s == null || r.offset() + r.length() > s.length) {
                            reply(c, new StorageMessage.Error(ErrorCode.NOT_FOUND, "no " + r.order().shard() + " here"));
                        } else {
                            reply(c, new StorageMessage.Data(Arrays.copyOfRange(s, (int) r.offset(), (int) r.offset() + r.length())));
                        }
                    }
                    case StorageMessage.Store s -> {
                        buffer.reset();
                        discarding = refuseStores;
                        storing = s.order().shard();
                        if (discarding) {
                            reply(c, new StorageMessage.Error(ErrorCode.QUOTA, "no room for " + storing));
                        }
                    }
                    case StorageMessage.StoreData d -> buffer.write(d.data(), 0, d.data().length);
                    case StorageMessage.StoreEnd e -> {
                        if (discarding) {
                            discarding = false;
                            return;
                        }
                        byte[] all = buffer.toByteArray();
                        if (MessageDigest.isEqual(PieceHashes.sha256().digest(all), e.sha256())) {
                            shards.put(storing, all);
                            reply(c, new StorageMessage.Stored(storing));
                        } else {
                            reply(c, new StorageMessage.Error(ErrorCode.CORRUPT, storing + " does not match its checksum"));
                        }
                    }
                    default -> reply(c, new StorageMessage.Error(ErrorCode.UNEXPECTED, "not a node message"));
                }
            }

            private void reply(Connection c, StorageMessage m) {
                c.send(ByteBuffer.wrap(StorageCodec.encode(m)));
            }

            @Override
            public void onWritable(Connection c) {
            }

            @Override
            public void onClosed(Connection c, Throwable cause) {
            }
        };
    }
}

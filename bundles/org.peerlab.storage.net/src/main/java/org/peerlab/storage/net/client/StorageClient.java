package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.net.client.CoordinatorSession.Refused;
import org.peerlab.storage.wire.ErrorCode;
import org.peerlab.storage.wire.PeerInfo;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Location;
import org.peerlab.storage.wire.StorageMessage.PeerList;

/**
 * A client of the storage network over the tcp transport: {@link #put} encrypts a file,
 * erasure-codes it and stores one shard per node; {@link #get} reads it back from any k nodes;
 * {@link #info} and {@link #peers} ask the coordinator. Files put without a password get a random
 * key kept in the user's key folder ({@link KeyFiles}). Each call opens its own connections and
 * closes them before returning; calls block. Failures are {@link StorageClientException}s whose
 * message says what failed and why.
 */
public final class StorageClient {

    /** What a long request reports while it runs; called from the request's threads. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** @param done plaintext bytes stored or written so far, of {@code total} */
        default void progress(long done, long total) {
        }

        /** One line worth showing the user (what is being stored where, a key that is not used, ...). */
        default void note(String line) {
        }
    }

    /** The coordinator does not know the file. */
    public static final class NotFound extends StorageClientException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private final ClientParts parts;
    private final ClientSettings settings;
    private final KeyFiles keys;
    private final Listener listener;

    /** A client with the user's key folder that reports nothing. */
    public StorageClient(StrategyRegistry registry, ClientSettings settings) {
        this(new ClientParts(registry), settings, KeyFiles.standard(), Listener.NONE);
    }

    StorageClient(ClientParts parts, ClientSettings settings, KeyFiles keys, Listener listener) {
        this.parts = parts;
        this.settings = settings;
        this.keys = keys;
        this.listener = listener;
    }

    /** @return this client reporting to {@code l} */
    public StorageClient withListener(Listener l) {
        return new StorageClient(parts, settings, keys, l);
    }

    /**
     * Stores a file.
     *
     * @param password the password to derive the key from; empty for a random key kept in the key folder
     * @return the new file's id, once the coordinator has recorded it durably
     */
    public String put(Path file, Optional<Secret> password) throws StorageClientException {
        return new Uploader(parts, settings, keys, listener).put(file, password);
    }

    /**
     * Reads a file back into {@code out}, which must not exist yet; {@code out} appears only
     * complete and verified.
     *
     * @param password needed for files put with one; ignored (with a note) for random-key files
     * @return the absolute path written
     */
    public Path get(String fileId, Path out, Optional<Secret> password) throws StorageClientException {
        checkId(fileId, "get");
        return new Downloader(parts, settings, keys, listener).get(fileId, out, password);
    }

    /** @return the file's record, where each shard is and whether it is healthy */
    public Location info(String fileId) throws StorageClientException {
        checkId(fileId, "info");
        return locate(fileId, "info");
    }

    /** @return every node the coordinator knows */
    public List<PeerInfo> peers() throws StorageClientException {
        try (CoordinatorSession c = CoordinatorSession.open(parts.tcp(), settings.coordinator(), ClientSettings.CONNECT_MILLIS)) {
            return c.request(new StorageMessage.Peers(), PeerList.class, ClientSettings.ANSWER_MILLIS).peers();
        } catch (Refused r) {
            throw new StorageClientException("peers failed: the coordinator refused: " + r.getMessage());
        } catch (IOException e) {
            throw new StorageClientException("peers failed: " + e.getMessage(), e);
        }
    }

    Location locate(String fileId, String verb) throws StorageClientException {
        try (CoordinatorSession c = CoordinatorSession.open(parts.tcp(), settings.coordinator(), ClientSettings.CONNECT_MILLIS)) {
            Location l = c.request(new StorageMessage.Locate(fileId), Location.class, ClientSettings.ANSWER_MILLIS);
            if (!l.record().fileId().equals(fileId)) {
                throw new IOException("the coordinator answered with the record of another file (" + l.record().fileId() + ")");
            }
            return l;
        } catch (Refused r) {
            if (r.error.code() == ErrorCode.NOT_FOUND) {
                throw new NotFound(verb + " failed: the coordinator at " + settings.coordinator() + " has no file " + fileId);
            }
            throw new StorageClientException(verb + " failed: the coordinator refused: " + r.getMessage());
        } catch (IOException e) {
            throw new StorageClientException(verb + " failed: " + e.getMessage(), e);
        }
    }

    private static void checkId(String fileId, String verb) throws StorageClientException {
        if (!KeyFiles.FILE_ID.matcher(fileId).matches()) {
            throw new StorageClientException(verb + " failed: '" + fileId + "' is not a file id (32 lower-case hex characters, as put prints)");
        }
    }
}

package org.peerlab.storage.net.client;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.storage.wire.StorageCodec;
import org.peerlab.storage.wire.StorageMessage;
import org.peerlab.storage.wire.StorageMessage.Hello;
import org.peerlab.transport.api.Transport;

/**
 * A client's connection to the coordinator: opened, greeted (HELLO, same protocol version), then
 * one request at a time, each waiting for its answer. Not thread-safe.
 */
final class CoordinatorSession implements AutoCloseable {

    /** A request the coordinator answered with ERROR. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final StorageMessage.Error error;

        Refused(StorageMessage.Error error) {
            super(error.message());
            this.error = error;
        }
    }

    private final String address;
    private final BlockingQueue<StorageLink.Arrival> inbox = new LinkedBlockingQueue<>();
    private StorageLink link;

    private CoordinatorSession(String address) {
        this.address = address;
    }

    /**
     * Connects and waits for the coordinator's HELLO.
     *
     * @throws IOException if it cannot be reached, does not greet in time, or speaks another version
     */
    static CoordinatorSession open(Transport tcp, String address, long timeoutMillis) throws IOException {
        Parameters p = StorageLink.parameters(tcp, timeoutMillis);
        CoordinatorSession s = new CoordinatorSession(address);
        StorageLink link = StorageLink.connect(tcp, p, address, "coordinator at " + address, s.inbox);
        s.link = link;
        try {
            link.awaitOpen(timeoutMillis);
            StorageMessage first = s.next(timeoutMillis);
            if (!(first instanceof Hello h)) {
                throw new IOException("the coordinator at " + address + " did not greet with HELLO but sent " + type(first));
            }
            if (h.version() != StorageCodec.VERSION) {
                throw new IOException("the coordinator at " + address + " speaks storage protocol version " + h.version() + ", this client "
                        + StorageCodec.VERSION);
            }
            return s;
        } catch (IOException e) {
            link.close();
            throw e;
        }
    }

    /** @return where the coordinator is */
    String address() {
        return address;
    }

    /** @return why the connection is gone, or null while it is up */
    String failure() {
        return link.failure();
    }

    /**
     * Sends {@code request} and waits for the answer of type {@code expected}.
     *
     * @throws Refused     if the coordinator answers with ERROR
     * @throws IOException if the connection fails, the answer does not come in {@code timeoutMillis}, or is of another type
     */
    <T extends StorageMessage> T request(StorageMessage request, Class<T> expected, long timeoutMillis) throws IOException, Refused {
        link.send(request);
        StorageMessage answer = next(timeoutMillis);
        if (answer instanceof StorageMessage.Error e) {
            throw new Refused(e);
        }
        if (!expected.isInstance(answer)) {
            throw new IOException("the coordinator at " + address + " answered " + type(request) + " with " + type(answer));
        }
        return expected.cast(answer);
    }

    /** Sends without waiting for an answer (PUT_ABORT). */
    void send(StorageMessage m) throws IOException {
        link.send(m);
    }

    private StorageMessage next(long timeoutMillis) throws IOException {
        StorageLink.Arrival a;
        try {
            a = inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the coordinator");
        }
        if (a == null) {
            throw new IOException("no answer from the coordinator at " + address + " within " + timeoutMillis / 1000 + " s");
        }
        if (a.message() == null) {
            throw new CoordinatorGone(a.failure());
        }
        return a.message();
    }

    /** The connection to the coordinator ended while an answer was awaited. */
    static final class CoordinatorGone extends IOException {
        private static final long serialVersionUID = 1L;

        CoordinatorGone(String why) {
            super(why);
        }
    }

    static String type(StorageMessage m) {
        String simple = m.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        link.close();
    }
}

package org.peerlab.sim.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.protocol.transfer.ReceiveSession;
import org.peerlab.protocol.transfer.SendSession;
import org.peerlab.protocol.transfer.TransferConfig;
import org.peerlab.sim.Simulator;
import org.peerlab.transport.api.Listener;

/**
 * One real secure transfer between two simulated hosts: the sender listens, the receiver
 * connects at the start time, and the unchanged {@link SendSession} and {@link ReceiveSession}
 * run the handshake and the encrypted transfer of a {@link SyntheticFile} over the sim transport.
 * The receiver stores nothing; it hashes what it receives and compares it with the sender's
 * content. Simulation thread only.
 */
public final class SimTransfer {

    private final Simulator sim;
    private final Host sender;
    private final Host receiver;
    private final SyntheticFile file;
    private final int pieceSize;
    private final TransferConfig senderConfig;
    private final TransferConfig receiverConfig;
    private final Parameters transport;
    private final FlowRecorder recorder;
    private SimTransferDriver sending;
    private SimTransferDriver receiving;
    private VerifyingStore store;
    private Listener listener;

    /**
     * @param sender         the host that offers the file
     * @param receiver       the host that connects and receives it
     * @param file           the content
     * @param pieceSize      piece size in bytes (power of two, 16 KiB to 1 MiB)
     * @param senderConfig   the sender's handshake strategies, identity and peer check
     * @param receiverConfig the receiver's
     * @param transport      parameters of the sim transport ({@link SimTransport#describe()})
     * @param label          the flow's name in results and metrics
     */
    public SimTransfer(Host sender, Host receiver, SyntheticFile file, int pieceSize, TransferConfig senderConfig, TransferConfig receiverConfig,
            Parameters transport, String label) {
        this.sim = sender.network().simulator();
        this.sender = sender;
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.file = Objects.requireNonNull(file, "file");
        this.pieceSize = pieceSize;
        this.senderConfig = Objects.requireNonNull(senderConfig, "senderConfig");
        this.receiverConfig = Objects.requireNonNull(receiverConfig, "receiverConfig");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.recorder = new FlowRecorder(Objects.requireNonNull(label, "label"), sim.metrics());
    }

    /**
     * Builds the offer (hashing the content once, now), listens on the sender at {@code port}
     * (0: any free port) and schedules the receiver's connection at virtual time {@code at}.
     *
     * @throws UncheckedIOException if the sender cannot listen there
     */
    public void start(int port, long at) {
        if (listener != null) {
            throw new IllegalStateException(recorder.label + " was started already");
        }
        SyntheticFile.Offer offer = file.offer(pieceSize);
        store = new VerifyingStore(offer.sha256());
        try {
            listener = sender.transport().listen(":" + port, transport, () -> {
                listener.close();
                sending = new SimTransferDriver(sim, recorder, l -> new SendSession(senderConfig, offer.manifest(), file, l));
                return sending;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(recorder.label + ": cannot listen on " + sender.name() + ":" + port, e);
        }
        String address = listener.address();
        sim.at(at, () -> {
            recorder.started = sim.now();
            receiving = new SimTransferDriver(sim, recorder, l -> new ReceiveSession(receiverConfig, store, l));
            receiver.transport().connect(address, transport, receiving);
        });
    }

    /** @return whether the transfer has completed or failed */
    public boolean isOver() {
        return recorder.completed >= 0 && recorder.senderFinished || recorder.failure != null;
    }

    /** @return the flow's name */
    public String label() {
        return recorder.label;
    }

    /** @return bytes delivered to the receiver at virtual time {@code t} (interpolated between pieces) */
    public double deliveredAt(long t) {
        return recorder.deliveredAt(t);
    }

    /** @return the outcome so far (final once {@link #isOver()}) */
    public FlowResult result() {
        FlowRecorder r = recorder;
        boolean completed = r.completed >= 0 && r.failure == null;
        long end = completed ? r.completed : r.lastDelivery();
        long delivered = completed ? file.size() : r.deliveredBytes();
        double goodput = r.dataStarted >= 0 && end > r.dataStarted ? delivered * 8e3 / (end - r.dataStarted) : 0;
        SimConnection c = sending == null ? null : sending.connection();
        StreamStats stats = c == null ? null : c.stats();
        long wire = stats == null ? 0 : stats.bytesSent();
        return new FlowResult(r.label, file.size(), delivered, completed, completed && store.verified(), file.elided(), r.started, r.authenticated,
                r.dataStarted, completed ? r.completed : -1, goodput, goodput, wire, wire == 0 ? 0 : (double) file.size() / wire,
                stats == null ? 0 : stats.retransmissions(), stats == null ? 0 : stats.timeouts(), r.failure);
    }
}

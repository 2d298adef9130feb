package org.peerlab.storage.net.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.peerlab.storage.client.SealedSegment;
import org.peerlab.storage.client.SegmentLayout;
import org.peerlab.storage.client.SegmentSealer;

/**
 * Reads, seals and erasure-codes a file's segments on worker threads, ahead of the thread that
 * sends them, and hands them over in order. At most {@code workers} segments are being prepared
 * or waiting while the caller sends another, which bounds memory to a few segments whatever the
 * file's size. Each worker has its own {@link SegmentSealer} (ciphers are not thread-safe) and a
 * plaintext buffer it reuses. One consumer thread.
 */
final class SegmentPipeline implements AutoCloseable {

    private final FileChannel source;
    private final SegmentLayout layout;
    private final ExecutorService executor;
    private final BlockingQueue<Worker> idle;
    private final List<SegmentSealer> all;
    private final int workers;
    private final ArrayDeque<Future<SealedSegment>> ahead = new ArrayDeque<>();
    private long submitted;

    /** What one worker thread holds: its sealer and a plaintext buffer it reuses for every segment. */
    private static final class Worker {
        final SegmentSealer sealer;
        byte[] plain;

        Worker(SegmentSealer sealer) {
            this.sealer = sealer;
        }
    }

    /**
     * @param sealers one per worker; closed with the pipeline
     */
    SegmentPipeline(FileChannel source, SegmentLayout layout, List<SegmentSealer> sealers) {
        this.source = source;
        this.layout = layout;
        this.workers = sealers.size();
        this.all = List.copyOf(sealers);
        this.idle = new ArrayBlockingQueue<>(workers);
        sealers.forEach(x -> idle.add(new Worker(x)));
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "peerlab-storage-seal-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @return worker threads for this layout: one per core (at most 4), fewer when half the heap
     *         could not hold that many segments in preparation besides the one being sent. A
     *         segment in preparation holds its plaintext and sealed buffers and the codec's work
     *         arrays and pieces (counted twice: pieces just above 1 MiB take two G1 regions)
     */
    static int workersFor(SegmentLayout layout, long maxHeap) {
        int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long perSegment = 2L * layout.segmentSize() + 4L * layout.n() * layout.fullPieceLength();
        long fit = maxHeap / 2 / perSegment - 1;
        return (int) Math.max(1, Math.min(cores, fit));
    }

    /**
     * @return the next segment, sealed and coded
     * @throws IOException if the file cannot be read, or ended before its size at the start of the put
     */
    SealedSegment next() throws IOException {
        fill();
        Future<SealedSegment> head = ahead.poll();
        if (head == null) {
            throw new IllegalStateException("all " + layout.segments() + " segments were taken");
        }
        try {
            SealedSegment s = head.get();
            fill();
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sealing");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof OutOfMemoryError) {
                throw new IllegalStateException("out of memory while sealing segments of " + layout.segmentSize() + " bytes with a heap of "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB: give the client more (PEERLAB_JAVA_OPTS=-Xmx512m) or lower"
                        + " segment-size", c);
            }
            throw new IllegalStateException(c);
        }
    }

    private void fill() {
        while (ahead.size() < workers && submitted < layout.segments()) {
            long s = submitted++;
            ahead.add(executor.submit(() -> prepare(s)));
        }
    }

    private SealedSegment prepare(long segment) throws InterruptedException {
        Worker w = idle.take();
        try {
            return prepare(segment, w);
        } finally {
            idle.add(w);
        }
    }

    private SealedSegment prepare(long segment, Worker w) {
        int length = layout.plaintextLength(segment);
        if (w.plain == null) {
            w.plain = new byte[layout.segmentSize()];
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(w.plain, 0, length);
            long at = layout.plaintextOffset(segment);
            while (b.hasRemaining()) {
                if (source.read(b, at + b.position()) < 0) {
                    throw new EOFException("the file ended at " + (at + b.position()) + " bytes while being stored; it was "
                            + layout.size() + " bytes when the put began (was it changed meanwhile?)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.sealer.seal(segment, w.plain, 0, length);
    }

    /** Stops the workers and wipes the sealers' keys. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(SegmentSealer::close);
    }
}

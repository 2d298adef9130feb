package org.peerlab.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named random streams of one replication. Each stream is a Commons Math {@link Well19937c}
 * seeded from SHA-256 of (experiment seed, replication, stream name), so streams are independent
 * of each other and of the order in which they are first used: adding a stream for churn does
 * not change the latencies drawn from the {@code latency} stream. Same seed, replication and
 * name give the same sequence on every machine and run.
 */
public final class RandomStreams {

    private final long seed;
    private final int replication;
    private final Map<String, RandomGenerator> streams = new HashMap<>();

    /**
     * @param seed        the experiment seed
     * @param replication the replication number, from 0
     */
    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    /** @return the experiment seed */
    public long seed() {
        return seed;
    }

    /** @return the replication number */
    public int replication() {
        return replication;
    }

    /** @return the stream called {@code name}, created on first use */
    public RandomGenerator stream(String name) {
        return streams.computeIfAbsent(name, n -> new Well19937c(seedFor(n)));
    }

    /** @return streams for another replication of the same experiment */
    public RandomStreams forReplication(int other) {
        return new RandomStreams(seed, other);
    }

    private int[] seedFor(String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(12).putLong(seed).putInt(replication).array());
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            ByteBuffer digest = ByteBuffer.wrap(sha.digest());
            int[] words = new int[8];
            for (int i = 0; i < words.length; i++) {
                words[i] = digest.getInt();
            }
            return words;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}

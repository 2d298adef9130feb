package org.peerlab.storage.sim.internal;

/**
 * SplitMix64 on a slot of a {@code long[]}: a per-node random stream that costs 8 bytes of
 * state, so that 10^5 nodes each draw their own schedule, churn and damage without touching
 * another node's numbers (common random numbers across sweep points stay aligned however
 * differently the nodes behave). Seeded from a named stream of the run. Not thread-safe.
 */
final class SplitMix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SplitMix() {
    }

    /** @return the SplitMix64 finaliser of {@code z}: a bijective 64-bit mix */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the next 64 random bits of stream {@code slot} */
    static long next(long[] states, int slot) {
        long s = states[slot] + GOLDEN;
        states[slot] = s;
        return mix(s);
    }

    /** @return a uniform double in [0, 1) from stream {@code slot} */
    static double nextDouble(long[] states, int slot) {
        return (next(states, slot) >>> 11) * 0x1.0p-53;
    }

    /** @return a uniform int in [0, bound) from stream {@code slot} (bound > 0), without modulo bias */
    static int nextInt(long[] states, int slot, int bound) {
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long bits;
        do {
            bits = next(states, slot) >>> 1;
        } while (bits >= limit);
        return (int) (bits % bound);
    }

    /** @return an exponential draw with the given mean from stream {@code slot} */
    static double exponential(long[] states, int slot, double mean) {
        return -mean * Math.log(1 - nextDouble(states, slot));
    }
}

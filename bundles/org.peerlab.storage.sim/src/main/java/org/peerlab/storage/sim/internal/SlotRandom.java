package org.peerlab.storage.sim.internal;

import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A Commons Math generator that draws from one {@link SplitMix} slot, so that the simulator's
 * {@link org.peerlab.sim.Dist}ributions can sample a node's own stream. Point it at a slot with
 * {@link #at} before each draw. Not thread-safe; one per run.
 */
final class SlotRandom extends AbstractRandomGenerator {

    private final long[] states;
    private int slot;

    SlotRandom(long[] states) {
        this.states = states;
    }

    /** @return this generator, now drawing from {@code newSlot} */
    SlotRandom at(int newSlot) {
        this.slot = newSlot;
        return this;
    }

    @Override
    public void setSeed(long seed) {
        states[slot] = seed;
        clear();
    }

    @Override
    public double nextDouble() {
        return SplitMix.nextDouble(states, slot);
    }

    @Override
    public long nextLong() {
        return SplitMix.next(states, slot);
    }
}

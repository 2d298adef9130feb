package org.peerlab.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static double[] draw(RandomGenerator r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextDouble();
        }
        return out;
    }

    @Test
    void sameSeedReplicationAndNameGiveTheSameSequence() {
        assertArrayEquals(draw(new RandomStreams(42, 3).stream("latency"), 100), draw(new RandomStreams(42, 3).stream("latency"), 100));
    }

    @Test
    void streamsDifferBySeedReplicationAndName() {
        double[] base = draw(new RandomStreams(42, 0).stream("latency"), 20);
        assertFalse(Arrays.equals(base, draw(new RandomStreams(43, 0).stream("latency"), 20)));
        assertFalse(Arrays.equals(base, draw(new RandomStreams(42, 1).stream("latency"), 20)));
        assertFalse(Arrays.equals(base, draw(new RandomStreams(42, 0).stream("loss"), 20)));
        assertFalse(Arrays.equals(base, draw(new RandomStreams(42, 0).forReplication(1).stream("latency"), 20)));
    }

    @Test
    void usingAnotherStreamFirstDoesNotShiftThisOne() {
        RandomStreams a = new RandomStreams(9, 0);
        RandomStreams b = new RandomStreams(9, 0);
        draw(b.stream("churn"), 1000);
        assertArrayEquals(draw(a.stream("latency"), 50), draw(b.stream("latency"), 50));
    }

    @Test
    void distributionsHaveTheirMeans() {
        RandomGenerator r = new RandomStreams(5, 0).stream("dist");
        for (Dist d : new Dist[] { Dist.constant(3), Dist.uniform(10, 30), Dist.normal(50, 5), Dist.exponential(8), Dist.lognormal(1, 0.5) }) {
            double sum = 0;
            int n = 50_000;
            for (int i = 0; i < n; i++) {
                sum += d.sample(r);
            }
            assertEquals(d.mean(), sum / n, d.mean() * 0.03, d.describe());
        }
        assertThrows(IllegalArgumentException.class, () -> Dist.normal(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Dist.uniform(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new RandomStreams(1, -1));
    }
}

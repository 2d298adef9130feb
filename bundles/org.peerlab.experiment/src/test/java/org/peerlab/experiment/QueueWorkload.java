package org.peerlab.experiment;

import java.util.ArrayDeque;
import java.util.List;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.peerlab.sim.Metrics;
import org.peerlab.sim.Simulator;

/**
 * A test workload with a known answer: an M/M/1 queue. Customers arrive at rate
 * {@code workload.arrival-rate} (per second, Poisson) and are served one at a time at rate
 * {@code workload.service-rate}; after {@code workload.warmup} customers, the waiting time in
 * queue of the next {@code workload.customers} is observed. Theory: Wq = rho / (mu - lambda).
 */
final class QueueWorkload implements Workload {

    static final String WAIT = "waiting-time-s";
    static final String LENGTH = "queue-length";
    static final String SERVED = "served";

    @Override
    public String name() {
        return "mm1";
    }

    @Override
    public String describe() {
        return "M/M/1 queue: workload.arrival-rate, workload.service-rate (per s), workload.customers, workload.warmup";
    }

    @Override
    public List<MetricInfo> metrics() {
        return List.of(new MetricInfo(WAIT, MetricKind.OBSERVATION, "time in queue before service"),
                new MetricInfo(LENGTH, MetricKind.SERIES, "customers in the system"),
                new MetricInfo(SERVED, MetricKind.COUNTER, "customers served"));
    }

    record Settings(double lambda, double mu, long customers, long warmup) {
    }

    static Settings settings(Params root) throws ScenarioException {
        Params w = root.get("workload");
        w.allowOnly("arrival-rate", "service-rate", "customers", "warmup");
        double lambda = w.number("arrival-rate", 1e-9, 1e9);
        double mu = w.number("service-rate", 1.0, 1e-9, 1e9);
        if (lambda >= mu) {
            throw w.get("arrival-rate").problem("the queue is unstable: arrival-rate " + lambda + " >= service-rate " + mu);
        }
        return new Settings(lambda, mu, w.integer("customers", 10_000, 1, Long.MAX_VALUE), w.integer("warmup", 1_000, 0, Long.MAX_VALUE));
    }

    @Override
    public void validate(Params params) throws ScenarioException {
        settings(params);
    }

    @Override
    public RunOutput run(RunContext context) throws Exception {
        Settings s = settings(context.params());
        new Queue(context.simulator(), s).start();
        context.simulator().run();
        double rho = s.lambda() / s.mu();
        return RunOutput.empty().withNote("M/M/1 with FIFO service; the first " + s.warmup() + " customers are not observed.")
                .expecting(new Expectation("M/M/1 Wq = rho / (mu - lambda)", WAIT, rho / (s.mu() - s.lambda()), 0));
    }

    /** The queue's state; lives on the simulation thread. */
    private static final class Queue {
        private final Simulator sim;
        private final Settings s;
        private final ExponentialDistribution interarrival;
        private final ExponentialDistribution service;
        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private final Metrics metrics;
        private boolean busy;
        private long started;

        Queue(Simulator sim, Settings s) {
            this.sim = sim;
            this.s = s;
            this.metrics = sim.metrics();
            this.interarrival = new ExponentialDistribution(sim.random().stream("arrivals"), 1 / s.lambda());
            this.service = new ExponentialDistribution(sim.random().stream("service"), 1 / s.mu());
        }

        void start() {
            sim.schedule(nanos(interarrival.sample()), this::arrive);
        }

        private void arrive() {
            waiting.add(sim.now());
            sample();
            if (!busy) {
                serveNext();
            }
            sim.schedule(nanos(interarrival.sample()), this::arrive);
        }

        private void serveNext() {
            long arrived = waiting.poll();
            busy = true;
            if (started >= s.warmup()) {
                metrics.observe(WAIT, (sim.now() - arrived) / 1e9);
            }
            started++;
            sim.schedule(nanos(service.sample()), this::depart);
        }

        private void depart() {
            busy = false;
            metrics.count(SERVED, 1);
            sample();
            if (started >= s.warmup() + s.customers()) {
                sim.stop();
            } else if (!waiting.isEmpty()) {
                serveNext();
            }
        }

        private void sample() {
            metrics.sample(LENGTH, sim.now(), waiting.size() + (busy ? 1 : 0));
        }

        private static long nanos(double seconds) {
            return Math.round(seconds * 1e9);
        }
    }
}

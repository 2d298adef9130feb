package org.peerlab.experiment;

/** Scenario texts shared by the tests. */
final class Scenarios {

    private Scenarios() {
    }

    /** Two arrival rates, {@code replications} runs each. */
    static String mm1(long seed, int replications, long customers) {
        return """
                {
                  "name": "mm1-check",
                  "description": "M/M/1 waiting time against theory",
                  "workload": {"name": "mm1", "service-rate": 1.0, "customers": %d, "warmup": 1000},
                  "metrics": ["waiting-time-s", "queue-length", "served"],
                  "sweep": {"workload.arrival-rate": [0.5, 0.8]},
                  "replications": %d,
                  "seed": %d
                }
                """.formatted(customers, replications, seed);
    }

    static Scenario parse(String text) throws ScenarioException {
        return ScenarioReader.parse(text, "simulation/test.json");
    }
}

package org.peerlab.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark run measured.
 *
 * @param measurements one per case
 * @param machine      machine, JDK, PeerLab version and settings
 * @param seconds      wall time of the run
 */
public record BenchResult(List<Measurement> measurements, Map<String, String> machine, double seconds) {

    public BenchResult {
        measurements = List.copyOf(measurements);
        machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine));
    }

    /** @return the measurement of that strategy, operation and parameters, if taken */
    public Optional<Measurement> find(String strategy, String operation, String parameters) {
        return measurements.stream()
                .filter(m -> m.strategy().equals(strategy) && m.operation().equals(operation) && m.parameters().equals(parameters))
                .findFirst();
    }

    /**
     * @return the AEAD strategy's seal throughput as a fraction of the raw JDK AES-GCM cipher's in
     *         the same run, at that chunk size, if both were measured
     */
    public Optional<Double> apiToRawRatio(String aeadStrategy, int chunk) {
        String p = "chunk=" + CryptoCases.size(chunk);
        return find(aeadStrategy, "seal", p).flatMap(api -> find(CryptoCases.BASELINE, "seal", p).map(raw -> api.mean() / raw.mean()));
    }
}

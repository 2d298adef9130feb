package org.peerlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.redundancy.api.RedundancyScheme;

/**
 * The micro-benchmark suite over every installed strategy of the benchmarked families: AEAD seal
 * at 16 KiB to 1 MiB chunks (interleaved with the raw JDK AES-GCM cipher as a baseline),
 * handshakes per second for key exchanges and PAKEs, milliseconds per KDF derivation,
 * signatures per second, and codec encode/decode throughput.
 */
public final class MicroBenchmarks {

    /** Chunk sizes of the AEAD benchmark, in bytes. */
    public static final int[] CHUNKS = { 16 << 10, 64 << 10, 256 << 10, 1 << 20 };

    private final StrategyRegistry registry;
    private final BenchSettings settings;
    private final Consumer<String> progress;

    public MicroBenchmarks(StrategyRegistry registry, BenchSettings settings, Consumer<String> progress) {
        this.registry = registry;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param peerlabVersion version recorded in the result
     * @throws IllegalArgumentException if the filters select nothing
     */
    public BenchResult run(String peerlabVersion) {
        List<List<BenchCase>> groups = groups();
        int total = groups.stream().mapToInt(List::size).sum();
        if (total == 0) {
            throw new IllegalArgumentException("nothing to benchmark: no installed strategy matches families " + settings.families()
                    + " and names " + settings.strategies());
        }
        Harness harness = new Harness(settings, progress);
        List<Measurement> results = new ArrayList<>();
        long start = System.nanoTime();
        int done = 0;
        for (List<BenchCase> group : groups) {
            progress.accept(String.format("[%d/%d] %s: %d case(s)", done + 1, total, group.get(0).family(), group.size()));
            results.addAll(harness.measure(group));
            done += group.size();
        }
        return new BenchResult(results, MachineDescription.current(peerlabVersion, settings), (System.nanoTime() - start) / 1e9);
    }

    private <T> List<T> services(String family, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (RegisteredStrategy s : registry.family(family).strategies()) {
            if (settings.includes(family, s.name()) && type.isInstance(s.service())) {
                out.add(type.cast(s.service()));
            }
        }
        return out;
    }

    private List<List<BenchCase>> groups() {
        List<List<BenchCase>> groups = new ArrayList<>();
        List<Aead> aeads = services(Aead.FAMILY, Aead.class);
        for (int chunk : CHUNKS) {
            List<BenchCase> g = new ArrayList<>();
            aeads.forEach(a -> g.add(CryptoCases.seal(a, chunk)));
            if (settings.includes(Aead.FAMILY, CryptoCases.BASELINE)) {
                g.add(CryptoCases.rawJdkAesGcm(chunk));
            }
            add(groups, g);
        }
        add(groups, services(KeyExchange.FAMILY, KeyExchange.class).stream().map(CryptoCases::handshake).toList());
        add(groups, services(Pake.FAMILY, Pake.class).stream().map(CryptoCases::handshake).toList());
        add(groups, services(Kdf.FAMILY, Kdf.class).stream().map(CryptoCases::derive).toList());
        add(groups, services(SignatureScheme.FAMILY, SignatureScheme.class).stream().flatMap(s -> CryptoCases.signatures(s).stream()).toList());
        add(groups, services(RedundancyScheme.FAMILY, RedundancyScheme.class).stream().flatMap(s -> RedundancyCases.of(s).stream()).toList());
        return groups;
    }

    private static void add(List<List<BenchCase>> groups, List<BenchCase> group) {
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    /** Families this suite knows how to benchmark. */
    public static List<String> families() {
        return List.of(Aead.FAMILY, KeyExchange.FAMILY, Pake.FAMILY, Kdf.FAMILY, SignatureScheme.FAMILY, RedundancyScheme.FAMILY);
    }

}

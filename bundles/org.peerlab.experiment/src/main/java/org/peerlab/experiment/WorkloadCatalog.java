package org.peerlab.experiment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The installed {@link Workload}s, by name. Under OSGi this is a component that tracks every
 * {@code Workload} service as bundles come and go (so a new workload needs no change here);
 * outside OSGi, create one and {@link #add} workloads by hand. When two workloads share a name,
 * the one added first is used. Thread-safe.
 */
@Component(service = WorkloadCatalog.class, immediate = true)
public class WorkloadCatalog {

    private final List<Workload> workloads = new CopyOnWriteArrayList<>();

    /** An empty catalog (DS creates it empty too, then binds the services). */
    public WorkloadCatalog() {
    }

    /** @return a catalog holding {@code workloads}, for use outside OSGi */
    public static WorkloadCatalog of(Workload... workloads) {
        WorkloadCatalog c = new WorkloadCatalog();
        for (Workload w : workloads) {
            c.add(w);
        }
        return c;
    }

    /** Adds a workload (the DS bind method). */
    @Reference(name = "workload", unbind = "remove", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void add(Workload workload) {
        workloads.add(workload);
    }

    /** Removes a workload (the DS unbind method). */
    public void remove(Workload workload) {
        workloads.remove(workload);
    }

    /** @return the workload called {@code name}, if installed */
    public Optional<Workload> find(String name) {
        return workloads.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** @return the installed workloads, sorted by name, one per name */
    public List<Workload> all() {
        return names().stream().map(n -> find(n).orElseThrow()).toList();
    }

    /** @return the installed workloads' names, sorted, without repeats */
    public List<String> names() {
        return workloads.stream().map(Workload::name).distinct().sorted(Comparator.naturalOrder()).toList();
    }
}

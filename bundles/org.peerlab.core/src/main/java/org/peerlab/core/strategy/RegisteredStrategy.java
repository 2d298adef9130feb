package org.peerlab.core.strategy;

import java.util.Objects;

/**
 * A strategy service as the registry sees it: its descriptor, the bundle providing it, and the
 * service object. Valid while the providing bundle keeps the service registered.
 *
 * @param descriptor      what the strategy says of itself
 * @param providerBundle  symbolic name of the providing bundle
 * @param providerVersion version of the providing bundle
 * @param service         the service object
 */
public record RegisteredStrategy(StrategyDescriptor descriptor, String providerBundle, String providerVersion,
        Strategy service) {

    public RegisteredStrategy {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(providerBundle, "providerBundle");
        Objects.requireNonNull(providerVersion, "providerVersion");
        Objects.requireNonNull(service, "service");
    }

    public String family() {
        return descriptor.family();
    }

    public String name() {
        return descriptor.name();
    }

    @Override
    public String toString() {
        return descriptor.key() + " (" + providerBundle + " " + providerVersion + ")";
    }
}

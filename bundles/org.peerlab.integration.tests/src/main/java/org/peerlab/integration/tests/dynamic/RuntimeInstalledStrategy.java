package org.peerlab.integration.tests.dynamic;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;

/**
 * A strategy that {@code DynamicInstallTest} packs into a bundle of its own at run time and
 * installs into the running framework. Not registered by this test bundle.
 */
public class RuntimeInstalledStrategy implements Strategy {

    @Override
    public StrategyDescriptor descriptor() {
        return StrategyDescriptor.of("example", "runtime-installed", "A strategy installed while the framework runs",
                ParameterSpec.integer("level", "an example parameter", 2, 1, 9));
    }
}

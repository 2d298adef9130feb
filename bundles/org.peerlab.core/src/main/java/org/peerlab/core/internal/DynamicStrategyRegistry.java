package org.peerlab.core.internal;

import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.peerlab.core.strategy.RegisteredStrategy;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyRegistry;

/**
 * The {@link StrategyRegistry} service: a dynamic, greedy, multiple reference to every
 * {@link Strategy} service, so that strategy bundles come and go without restarting anything.
 */
@Component(service = StrategyRegistry.class, immediate = true)
public class DynamicStrategyRegistry extends StrategyTable {

    private static final System.Logger LOG = System.getLogger(DynamicStrategyRegistry.class.getName());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStrategy(Strategy strategy, ServiceReference<Strategy> ref, Map<String, Object> properties) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return; // unregistered while being bound
        }
        RegisteredStrategy entry;
        try {
            entry = new RegisteredStrategy(strategy.descriptor(), bundle.getSymbolicName(), bundle.getVersion().toString(), strategy);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring strategy service from " + bundle.getSymbolicName() + ": invalid descriptor", e);
            return;
        }
        add(entry, text(properties.get(Strategy.FAMILY_PROPERTY)), text(properties.get(Strategy.NAME_PROPERTY)),
                ranking(properties), serviceId(properties));
    }

    void unbindStrategy(Strategy strategy, Map<String, Object> properties) {
        remove(text(properties.get(Strategy.FAMILY_PROPERTY)), text(properties.get(Strategy.NAME_PROPERTY)), serviceId(properties));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return (Long) properties.get(Constants.SERVICE_ID);
    }
}

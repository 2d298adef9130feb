package org.peerlab.cli.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.peerlab.cli.api.Command;

/** Every {@link Command} service, as it comes and goes. */
@Component(service = CommandCatalog.class, immediate = true)
public class CommandCatalog {

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCommand(Command command) {
        commands.add(command);
    }

    void removeCommand(Command command) {
        commands.remove(command);
    }

    /** @return a snapshot of the registered commands */
    public List<Command> commands() {
        return List.copyOf(commands);
    }
}

package org.peerlab.sim.nat;

import java.util.List;

/**
 * A sans-I/O protocol state machine that talks UDP (and TCP to a relay) through NATs: a NAT
 * traversal attempt or a STUN behaviour discovery. It never opens sockets, starts threads or reads
 * a clock: a driver feeds it {@link MachineInput}s and executes the {@link MachineAction}s it
 * returns, in order. {@link MachineDriver} does that on virtual time; a WebRTC adapter can do it on
 * real sockets.
 *
 * <p>Contract: the first input is {@link MachineInput.Start}; each {@link MachineAction.Bind} is
 * answered with {@link MachineInput.Bound} before any datagram of that socket; a machine emits
 * {@link MachineAction.Finish} at most once and may keep answering inputs afterwards (a finished
 * traversal still answers its peer's checks). Not thread-safe: one driver thread.
 */
public interface NatMachine {

    /**
     * Feeds one input.
     *
     * @return the actions to execute, in order; never {@code null}
     */
    List<MachineAction> handle(MachineInput input);
}

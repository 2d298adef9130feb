package org.peerlab.sim.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.peerlab.sim.Simulator;

/** RFC 5780 discovery against each catalogue NAT recovers the NAT's configured behaviour. */
class NatDiscoveryTest {

    private static NatClassification discover(Access access, long seed) {
        Simulator sim = new Simulator(seed);
        UdpNetwork net = Strategies.network(sim);
        StunServer stun = net.addStunServer();
        Host host = net.addSite(access).addHost();
        MachineDriver driver = new MachineDriver(sim, host, new NatDiscovery(stun.primary(), 300 * Simulator.MS, 3), m -> { },
                d -> sim.stop());
        driver.start();
        sim.runUntil(60 * Simulator.SECOND);
        assertTrue(driver.finished(), "discovery did not finish");
        return (NatClassification) driver.result();
    }

    @ParameterizedTest
    @EnumSource(NatType.class)
    void classifiesEachCatalogueType(NatType type) {
        NatClassification c = discover(Access.nat(type), 5780 + type.ordinal());
        assertFalse(c.udpBlocked());
        assertTrue(c.behindNat());
        assertEquals(type.behaviour().mapping(), c.mapping(), c.label());
        assertEquals(type.behaviour().filtering(), c.filtering(), c.label());
    }

    @Test
    void publicHostIsOpenAndUnfiltered() {
        NatClassification c = discover(Access.open(), 1);
        assertFalse(c.behindNat());
        assertEquals(EndpointDependence.ENDPOINT_INDEPENDENT, c.filtering());
    }

    @Test
    void udpBlockingFirewallIsDetected() {
        assertTrue(discover(Access.udpBlocked(), 2).udpBlocked());
    }

    @Test
    void carrierNatBehindHomeNatShowsTheStricterMapping() {
        NatClassification c = discover(new Access.DoubleNat(NatType.FULL_CONE.behaviour(), NatType.SYMMETRIC.behaviour(), "cgn"), 3);
        assertEquals(EndpointDependence.ADDRESS_AND_PORT_DEPENDENT, c.mapping());
        assertEquals(EndpointDependence.ADDRESS_AND_PORT_DEPENDENT, c.filtering());
    }
}

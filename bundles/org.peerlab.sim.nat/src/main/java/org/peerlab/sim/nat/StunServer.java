package org.peerlab.sim.nat;

/**
 * A STUN server with two public addresses and two ports (RFC 5780 section 4): it answers Binding
 * requests on all four endpoints, from the endpoint the CHANGE-REQUEST asks for, with the mapped
 * address and OTHER-ADDRESS. Stateless.
 */
public final class StunServer {

    /** The primary port. */
    public static final int PORT = 3478;
    /** The alternate port. */
    public static final int ALTERNATE_PORT = 3479;

    private final UdpNetwork network;
    private final int primaryIp;
    private final int alternateIp;
    private long answered;

    StunServer(UdpNetwork network, int primaryIp, int alternateIp) {
        this.network = network;
        this.primaryIp = primaryIp;
        this.alternateIp = alternateIp;
        network.internet().attach(primaryIp, this::receive);
        network.internet().attach(alternateIp, this::receive);
    }

    /** @return the primary endpoint, the one clients are configured with */
    public Endpoint primary() {
        return new Endpoint(primaryIp, PORT);
    }

    /** @return the endpoint differing from the primary in address and port */
    public Endpoint alternate() {
        return new Endpoint(alternateIp, ALTERNATE_PORT);
    }

    /** @return requests answered so far */
    public long answered() {
        return answered;
    }

    private void receive(Datagram datagram) {
        if (!(datagram.payload() instanceof StunMessage.BindingRequest request)) {
            return;
        }
        Endpoint at = datagram.destination();
        if (at.port() != PORT && at.port() != ALTERNATE_PORT) {
            return;
        }
        Endpoint from = new Endpoint(request.changeIp() ? other(at.ip()) : at.ip(),
                request.changePort() ? otherPort(at.port()) : at.port());
        Endpoint otherAddress = new Endpoint(other(at.ip()), otherPort(at.port()));
        answered++;
        network.internet().send(new Datagram(from, datagram.source(),
                new StunMessage.BindingResponse(request.transaction(), datagram.source(), otherAddress), StunMessage.RESPONSE_BYTES));
    }

    private int other(int ip) {
        return ip == primaryIp ? alternateIp : primaryIp;
    }

    private static int otherPort(int port) {
        return port == PORT ? ALTERNATE_PORT : PORT;
    }
}

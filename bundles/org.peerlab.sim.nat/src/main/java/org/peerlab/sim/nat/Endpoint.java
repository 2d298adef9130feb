package org.peerlab.sim.nat;

/**
 * A UDP transport address: an IPv4 address held as an int and a port in {@code 0..65535}.
 * Immutable; equal endpoints are the same address.
 *
 * @param ip   the IPv4 address, most significant byte first (see {@link #parseIp})
 * @param port the port, {@code 0..65535}
 */
public record Endpoint(int ip, int port) {

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** @return the endpoint {@code dotted-quad:port} */
    public static Endpoint of(String ip, int port) {
        return new Endpoint(parseIp(ip), port);
    }

    /**
     * @param dotted an IPv4 address such as {@code 203.0.113.7}
     * @return the address as an int
     * @throws IllegalArgumentException if it is not four numbers 0..255 separated by dots
     */
    public static int parseIp(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
        }
        int ip = 0;
        for (String p : parts) {
            int b;
            try {
                b = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            if (b < 0 || b > 255) {
                throw new IllegalArgumentException("not an IPv4 address: '" + dotted + "'");
            }
            ip = ip << 8 | b;
        }
        return ip;
    }

    /** @return {@code ip} in dotted-quad form */
    public static String formatIp(int ip) {
        return (ip >>> 24) + "." + (ip >>> 16 & 255) + "." + (ip >>> 8 & 255) + "." + (ip & 255);
    }

    /** @return this endpoint with another port */
    public Endpoint withPort(int otherPort) {
        return new Endpoint(ip, otherPort);
    }

    @Override
    public String toString() {
        return formatIp(ip) + ":" + port;
    }
}

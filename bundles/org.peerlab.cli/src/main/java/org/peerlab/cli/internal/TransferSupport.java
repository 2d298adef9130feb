package org.peerlab.cli.internal;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.protocol.ProtocolException;
import org.peerlab.transport.api.Transport;

/** What send, receive and rendezvous share: exit codes, transports, addresses, sizes, progress. */
final class TransferSupport {

    /** Exit codes of send and receive (0 success, 1 internal error, 2 usage as for every command). */
    static final int WRONG_CODE = 3;
    static final int DECLINED = 4;
    static final int TAMPERED = 5;
    static final int IO_ERROR = 6;
    static final int NETWORK = 7;
    static final int REFUSED = 8;
    static final int PROTOCOL = 9;

    static final String EXIT_CODES = """
            Exit status: 0 the transfer verified; 2 usage; 3 wrong code or unexpected peer identity;
            4 declined; 5 tampered (integrity check failed); 6 local I/O error; 7 network (peer or
            rendezvous unreachable, connection lost: run again to resume); 8 refused (unsafe name or
            existing file); 9 protocol mismatch (no common strategy, other version).
            """;

    /** Port the embedded rendezvous tries first, and receive's default rendezvous on this machine. */
    static final int DEFAULT_PORT = 47470;

    private TransferSupport() {
    }

    static int exitCode(ProtocolException e) {
        return switch (e.reason()) {
            case AUTHENTICATION_FAILED -> WRONG_CODE;
            case DECLINED -> DECLINED;
            case INTEGRITY_FAILED, MALFORMED, UNEXPECTED_MESSAGE -> TAMPERED;
            case LOCAL_ERROR -> IO_ERROR;
            case CONNECTION_LOST, PEER_ERROR -> NETWORK;
            case REFUSED -> REFUSED;
            case NO_COMMON_STRATEGY, UNSUPPORTED_VERSION, KEY_EXCHANGE_FAILED -> PROTOCOL;
        };
    }

    static Transport tcp(StrategyRegistry registry) {
        return registry.family(Transport.FAMILY).require("tcp", Transport.class);
    }

    static SignatureScheme identityScheme(StrategyRegistry registry) {
        return registry.family(SignatureScheme.FAMILY).require("ed25519", SignatureScheme.class);
    }

    /** @return this host's IPv4 addresses that others on the LAN can reach, then loopback */
    static List<String> hostAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // loopback alone still serves this machine
        }
        out.add("127.0.0.1");
        return out;
    }

    static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * Progress on stderr: a bar redrawn in place on a terminal (at most 10 times a second),
     * otherwise a plain line every 10% or 5 seconds. Reads the clock: adapters may.
     */
    static final class Progress {
        private final PrintStream err;
        private String verb;
        private final boolean tty;
        private long started = -1;
        private long startBytes;
        private long lastPrint;
        private int lastDecile = -1;
        private boolean drawn;

        Progress(PrintStream err, String verb) {
            this(err, verb, false);
        }

        /** @param plain plain lines even on a terminal (when several progresses share one) */
        Progress(PrintStream err, String verb, boolean plain) {
            this.err = err;
            this.verb = verb;
            this.tty = !plain && Boolean.getBoolean("peerlab.tty");
        }

        /** Names what is in progress from now on, for example once the peer is known. */
        synchronized void rename(String newVerb) {
            this.verb = newVerb;
        }

        synchronized void update(long done, long total, long resumed) {
            long now = System.nanoTime();
            if (started < 0) {
                started = now;
                startBytes = done;
                if (resumed > 0) {
                    err.println("resuming: " + size(resumed) + " already verified, not sent again");
                }
            }
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? (done - startBytes) / seconds : 0;
            int percent = total == 0 ? 100 : (int) (done * 100 / total);
            boolean end = done >= total;
            if (tty) {
                if (!end && now - lastPrint < 100_000_000L) {
                    return;
                }
                int width = 30;
                int fill = total == 0 ? width : (int) (done * width / total);
                err.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %s of %s  %s/s  ETA %s ", verb, "#".repeat(fill), " ".repeat(width - fill), percent,
                        size(done), size(total), size((long) rate), eta(total - done, rate));
                drawn = true;
                if (end) {
                    err.println();
                    drawn = false;
                }
            } else {
                int decile = percent / 10;
                if (decile == lastDecile && now - lastPrint < 5_000_000_000L && !end) {
                    return;
                }
                if (end && lastDecile == 10) {
                    return;
                }
                lastDecile = decile;
                err.printf(Locale.ROOT, "%s %d%%: %s of %s, %s/s, ETA %s%n", verb, percent, size(done), size(total), size((long) rate),
                        eta(total - done, rate));
            }
            lastPrint = now;
        }

        /** Ends a half-drawn bar so that the next message starts on its own line. */
        synchronized void interrupt() {
            if (drawn) {
                err.println();
                drawn = false;
            }
        }

        synchronized double seconds() {
            return started < 0 ? 0 : (System.nanoTime() - started) / 1e9;
        }

        private static String eta(long left, double rate) {
            if (left <= 0) {
                return "0:00";
            }
            if (rate <= 0) {
                return "--:--";
            }
            long s = (long) (left / rate);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}

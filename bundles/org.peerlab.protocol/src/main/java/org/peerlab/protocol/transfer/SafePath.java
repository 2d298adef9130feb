package org.peerlab.protocol.transfer;

import org.peerlab.protocol.ProtocolException;
import org.peerlab.protocol.ProtocolException.Reason;

/**
 * Which offered paths a receiver accepts: relative, {@code /}-separated, no empty, {@code .} or
 * {@code ..} segments, no backslash, colon or control character, at most {@value #MAX_BYTES}
 * UTF-8 bytes and {@value #MAX_SEGMENT} per segment. Such a path cannot leave the output folder.
 */
public final class SafePath {

    public static final int MAX_BYTES = 4096;
    public static final int MAX_SEGMENT = 255;

    private SafePath() {
    }

    /** @throws ProtocolException REFUSED naming the problem */
    public static void check(String path) throws ProtocolException {
        if (path.isEmpty()) {
            throw refused(path, "is empty");
        }
        if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused(path, "is longer than " + MAX_BYTES + " bytes");
        }
        if (path.startsWith("/")) {
            throw refused(path, "is absolute");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                throw refused(path, "contains the character U+" + String.format("%04X", (int) c));
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(path, "has a segment '" + segment + "' (empty, '.' or '..')");
            }
            if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEGMENT) {
                throw refused(path, "has a name longer than " + MAX_SEGMENT + " bytes");
            }
        }
    }

    private static ProtocolException refused(String path, String why) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return new ProtocolException(Reason.REFUSED, "offered file name '" + shown.replaceAll("\\p{Cntrl}", "?") + "' " + why
                + ": refused, it could write outside the output folder");
    }
}

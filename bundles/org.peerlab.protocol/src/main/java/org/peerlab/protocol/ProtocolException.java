package org.peerlab.protocol;

/** The peer broke the protocol or failed a check; the session is over. */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a session ended; travels in ERROR messages as its code. */
    public enum Reason {
        MALFORMED(1), UNSUPPORTED_VERSION(2), UNEXPECTED_MESSAGE(3), NO_COMMON_STRATEGY(4), KEY_EXCHANGE_FAILED(5),
        AUTHENTICATION_FAILED(6), PEER_ERROR(7), DECLINED(8), INTEGRITY_FAILED(9), REFUSED(10), LOCAL_ERROR(11),
        /** Local only: the connection ended before the session did. */
        CONNECTION_LOST(12);

        private final int code;

        Reason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** @return the reason with that code, or PEER_ERROR for codes this version does not know */
        public static Reason of(int code) {
            for (Reason r : values()) {
                if (r.code == code) {
                    return r;
                }
            }
            return PEER_ERROR;
        }
    }

    private final Reason reason;

    public ProtocolException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package org.peerlab.storage.api;

/**
 * The outcome of checking one audit response.
 *
 * @param passed whether the node proved it holds the challenged data
 * @param reason why it failed (empty when passed), naming the first bad block where there is one
 */
public record AuditVerdict(boolean passed, String reason) {

    private static final AuditVerdict PASS = new AuditVerdict(true, "");

    /** @return a pass */
    public static AuditVerdict pass() {
        return PASS;
    }

    /** @return a failure saying why */
    public static AuditVerdict fail(String reason) {
        return new AuditVerdict(false, reason);
    }
}

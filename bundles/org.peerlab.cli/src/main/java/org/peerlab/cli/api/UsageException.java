package org.peerlab.cli.api;

/** The command line was wrong; the message is one line that says how. Exit code 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

package org.peerlab.storage.client;

/**
 * The first segment of a password-protected file did not authenticate with the key derived from
 * the given password. With every piece matching its recorded hash, a wrong password is by far the
 * likelier cause; the message still admits damaged data.
 */
public class WrongPasswordException extends SegmentException {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException(String fileId) {
        super("wrong password (or damaged data): the first segment of file " + fileId + " does not authenticate with the key derived from it");
    }
}

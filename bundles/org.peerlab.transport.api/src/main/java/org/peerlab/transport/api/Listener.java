package org.peerlab.transport.api;

/** A listening endpoint. Closing it stops accepting; established connections stay open. */
public interface Listener extends AutoCloseable {

    /** @return the address peers connect to (with the real port where one was chosen) */
    String address();

    @Override
    void close();
}

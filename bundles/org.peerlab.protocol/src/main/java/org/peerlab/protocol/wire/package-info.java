/**
 * Protocol messages on the wire: version byte, type byte, payload; readers and writers for
 * payload fields with explicit limits, so that malformed input fails with a clear error.
 */
package org.peerlab.protocol.wire;

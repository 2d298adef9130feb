/**
 * Transports carry frames between two endpoints with backpressure, for non-blocking protocol
 * code: sends never block, {@link org.peerlab.transport.api.Connection#send} says when to pause
 * and {@link org.peerlab.transport.api.ConnectionHandler#onWritable} says when to resume.
 */
package org.peerlab.transport.api;

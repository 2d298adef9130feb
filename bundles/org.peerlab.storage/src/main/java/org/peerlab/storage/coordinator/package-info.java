/**
 * The storage coordinator as a sans-I/O state machine: {@link org.peerlab.storage.coordinator.CoordinatorCore}
 * takes connection events, frames and clock ticks in and gives frames, closes, log lines and
 * repair tasks out. Durable metadata goes through a {@link org.peerlab.storage.coordinator.Ledger}
 * ({@link org.peerlab.storage.coordinator.MemoryLedger} for tests and simulation; the coordinator
 * process uses an H2 MVStore). No sockets, threads or clock here.
 */
package org.peerlab.storage.coordinator;

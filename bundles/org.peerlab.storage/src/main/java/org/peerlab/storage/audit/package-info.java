/**
 * Audit bookkeeping shared by the coordinator and the simulator: which challenge is out to which
 * node, containment and retries after timeouts, reputation updates and disqualification.
 */
package org.peerlab.storage.audit;

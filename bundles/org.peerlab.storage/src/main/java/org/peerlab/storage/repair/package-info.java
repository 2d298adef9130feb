/** Repair decisions shared by the coordinator and the simulator. */
package org.peerlab.storage.repair;

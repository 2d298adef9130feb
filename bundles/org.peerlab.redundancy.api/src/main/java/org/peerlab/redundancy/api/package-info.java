/**
 * Redundancy strategies: k-of-n codecs that turn data into n shards of which any k suffice.
 */
package org.peerlab.redundancy.api;

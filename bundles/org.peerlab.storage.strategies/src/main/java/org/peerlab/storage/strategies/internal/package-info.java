/**
 * Providers of the storage strategy families: audit schemes ({@code merkle-challenge},
 * {@code precomputed-hmac}), reputation schemes ({@code beta}, {@code success-ratio}) and
 * placements ({@code random}, {@code reputation-weighted}). Every strategy is a Declarative
 * Services component; this package is exported only to the simulator and test bundles.
 *
 * <p>Binary formats (records, challenges, responses) are big-endian and start with a one-byte
 * kind tag so that a record of one scheme is never mistaken for another's.
 */
package org.peerlab.storage.strategies.internal;

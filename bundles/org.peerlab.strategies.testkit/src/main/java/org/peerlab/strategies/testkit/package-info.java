/**
 * What every strategy of a family must do, as abstract JUnit 5 tests: {@link
 * org.peerlab.strategies.testkit.AeadContractTest}, {@code KdfContractTest}, {@code
 * KeyExchangeContractTest}, {@code PakeContractTest}, {@code SignatureContractTest}, {@code
 * RedundancyContractTest} and {@code TransportContractTest}. A strategy's test (PeerLab's own or a
 * plugin's) extends the family's class and supplies the strategy instance; it adds its own known
 * answers. Exported at version 0.1.0; test scope only, never in a product.
 */
package org.peerlab.strategies.testkit;

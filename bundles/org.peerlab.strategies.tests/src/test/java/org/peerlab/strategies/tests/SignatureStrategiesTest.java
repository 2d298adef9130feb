package org.peerlab.strategies.tests;

import org.junit.jupiter.api.Nested;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.bc.internal.Ed25519Strategy;
import org.peerlab.crypto.jdk.internal.EcdsaP256Strategy;
import org.peerlab.strategies.testkit.SignatureContractTest;

/** The signature contract for each implementation. */
class SignatureStrategiesTest {

    @Nested
    class Ed25519 extends SignatureContractTest {
        @Override
        protected SignatureScheme scheme() {
            return new Ed25519Strategy();
        }
    }

    @Nested
    class EcdsaP256 extends SignatureContractTest {
        @Override
        protected SignatureScheme scheme() {
            return new EcdsaP256Strategy();
        }
    }
}

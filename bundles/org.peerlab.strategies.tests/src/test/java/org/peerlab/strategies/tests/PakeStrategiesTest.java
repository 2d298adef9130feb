package org.peerlab.strategies.tests;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.core.strategy.InvalidParameterException;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.bc.internal.JpakeStrategy;
import org.peerlab.strategies.testkit.PakeContractTest;

/** The PAKE contract for each implementation. */
class PakeStrategiesTest {

    @Nested
    class Jpake extends PakeContractTest {
        @Override
        protected Pake pake() {
            return new JpakeStrategy();
        }

        @Test
        void groupIsValidated() {
            org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                    () -> pake().descriptor().bind(Map.of("group", "nist-1024")));
        }
    }
}

package org.peerlab.strategies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.bc.internal.Ffdhe2048Strategy;
import org.peerlab.crypto.bc.internal.X25519MlKem768Strategy;
import org.peerlab.crypto.jdk.internal.EcdhP256Strategy;
import org.peerlab.crypto.jdk.internal.X25519Strategy;
import org.peerlab.strategies.testkit.KeyExchangeContractTest;

/** The key-exchange contract for each implementation, plus message sizes. */
class KeyExchangeStrategiesTest {

    private static int[] messageSizes(KeyExchange kx) throws Exception {
        KeyExchangeSession a = kx.newSession(Role.INITIATOR, kx.descriptor().defaults());
        KeyExchangeSession b = kx.newSession(Role.RESPONDER, kx.descriptor().defaults());
        b.start();
        byte[] hello = a.start().orElseThrow();
        byte[] reply = b.receive(hello).orElseThrow();
        a.receive(reply);
        return new int[] { hello.length, reply.length };
    }

    @Nested
    class X25519 extends KeyExchangeContractTest {
        @Override
        protected KeyExchange kx() {
            return new X25519Strategy();
        }

        @Override
        protected int secretLength() {
            return 32;
        }

        @Test
        void sharesAre32Bytes() throws Exception {
            assertEquals(32, messageSizes(kx())[0]);
            assertEquals(32, messageSizes(kx())[1]);
        }
    }

    @Nested
    class EcdhP256 extends KeyExchangeContractTest {
        @Override
        protected KeyExchange kx() {
            return new EcdhP256Strategy();
        }

        @Override
        protected int secretLength() {
            return 32;
        }

        @Test
        void sharesAreUncompressedPoints() throws Exception {
            assertEquals(65, messageSizes(kx())[0]);
        }
    }

    @Nested
    class Ffdhe2048 extends KeyExchangeContractTest {
        @Override
        protected KeyExchange kx() {
            return new Ffdhe2048Strategy();
        }

        @Override
        protected int secretLength() {
            return 256;
        }

        @Test
        void sharesOutsideTheSubgroupAreRejected() {
            KeyExchangeSession b = kx().newSession(Role.RESPONDER, kx().descriptor().defaults());
            b.start();
            byte[] one = new byte[256];
            one[255] = 1;
            org.junit.jupiter.api.Assertions.assertThrows(org.peerlab.crypto.api.KeyExchangeException.class, () -> b.receive(one));
        }
    }

    @Nested
    class X25519MlKem768 extends KeyExchangeContractTest {
        @Override
        protected KeyExchange kx() {
            return new X25519MlKem768Strategy();
        }

        @Override
        protected int secretLength() {
            return 64;
        }

        @Test
        void messagesCarryKemAndX25519Parts() throws Exception {
            int[] sizes = messageSizes(kx());
            assertEquals(1184 + 32, sizes[0]);
            assertEquals(1088 + 32, sizes[1]);
        }
    }
}

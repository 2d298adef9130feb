package org.peerlab.crypto.bc.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.jpake.JPAKEParticipant;
import org.bouncycastle.crypto.agreement.jpake.JPAKEPrimeOrderGroup;
import org.bouncycastle.crypto.agreement.jpake.JPAKEPrimeOrderGroups;
import org.bouncycastle.crypto.agreement.jpake.JPAKERound3Payload;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.osgi.service.component.annotations.Component;
import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.Strategy;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.KeyExchangeException;
import org.peerlab.crypto.api.KeyExchangeSession;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.Role;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.Transcript;

/**
 * J-PAKE (RFC 8236) with explicit key confirmation, Bouncy Castle's implementation, in four
 * messages: I→R round 1; R→I round 1 + round 2; I→R round 2 + confirmation; R→I confirmation.
 * A wrong code fails the responder's check of the initiator's confirmation, and the
 * initiator's of the responder's. The secret is SHA-256 of the keying material (32 bytes).
 */
@Component(service = { Pake.class, Strategy.class },
        property = { Strategy.FAMILY_PROPERTY + "=" + Pake.FAMILY, Strategy.NAME_PROPERTY + "=jpake" })
public class JpakeStrategy implements Pake {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.of(FAMILY, "jpake",
            "J-PAKE (RFC 8236) with key confirmation, Bouncy Castle: a short shared code gives an authenticated key",
            ParameterSpec.choice("group", "prime-order group (NIST FIPS 186-3 parameters)", "nist-3072", "nist-2048", "nist-3072"));

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public KeyExchangeSession newSession(Role role, Secret password, Parameters parameters) {
        JPAKEPrimeOrderGroup group = parameters.getChoice("group").equals("nist-2048") ? JPAKEPrimeOrderGroups.NIST_2048
                : JPAKEPrimeOrderGroups.NIST_3072;
        return new Session(role, password, group);
    }

    private static final class Session implements KeyExchangeSession {

        private enum State { NEW, AWAIT_1, AWAIT_2, AWAIT_3, AWAIT_CONFIRM, COMPLETE, FAILED, CLOSED }

        private final Role role;
        private final JPAKEParticipant participant;
        private final Transcript transcript = new Transcript();
        private State state = State.NEW;
        private BigInteger keyingMaterial;
        private Secret secret;

        Session(Role role, Secret password, JPAKEPrimeOrderGroup group) {
            this.role = role;
            char[] chars = chars(password);
            try {
                this.participant = new JPAKEParticipant(role == Role.INITIATOR ? "peerlab-initiator" : "peerlab-responder",
                        chars, group, new SHA256Digest(), RANDOM);
            } finally {
                Arrays.fill(chars, '\0');
            }
        }

        private static char[] chars(Secret password) {
            if (password.length() == 0) {
                throw new IllegalArgumentException("jpake needs a non-empty code");
            }
            byte[] bytes = password.bytes();
            try {
                CharBuffer cb = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                char[] out = new char[cb.remaining()];
                cb.get(out);
                Arrays.fill(cb.array(), '\0');
                return out;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("jpake codes must be UTF-8 text", e);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public Optional<byte[]> start() {
            require(State.NEW, "start");
            if (role == Role.RESPONDER) {
                state = State.AWAIT_1;
                return Optional.empty();
            }
            byte[] m1 = new JpakePayloads.Writer().round1(participant.createRound1PayloadToSend()).toByteArray();
            transcript.append(m1);
            state = State.AWAIT_2;
            return Optional.of(m1);
        }

        @Override
        public Optional<byte[]> receive(byte[] message) throws KeyExchangeException {
            if (state == State.NEW || state == State.COMPLETE || state == State.FAILED || state == State.CLOSED) {
                throw new IllegalStateException("jpake session: cannot receive in state " + state);
            }
            try {
                transcript.append(message);
                JpakePayloads.Reader in = new JpakePayloads.Reader(message);
                byte[] reply = switch (state) {
                    case AWAIT_1 -> { // responder, M1 = round 1 of the initiator
                        // Bouncy Castle wants our round 1 made before the peer's is validated.
                        var ownRound1 = participant.createRound1PayloadToSend();
                        participant.validateRound1PayloadReceived(in.round1());
                        in.end();
                        state = State.AWAIT_3;
                        yield new JpakePayloads.Writer().round1(ownRound1).round2(participant.createRound2PayloadToSend()).toByteArray();
                    }
                    case AWAIT_2 -> { // initiator, M2 = round 1 + round 2 of the responder
                        participant.validateRound1PayloadReceived(in.round1());
                        var peerRound2 = in.round2();
                        in.end();
                        var ownRound2 = participant.createRound2PayloadToSend();
                        participant.validateRound2PayloadReceived(peerRound2);
                        keyingMaterial = participant.calculateKeyingMaterial();
                        state = State.AWAIT_CONFIRM;
                        yield new JpakePayloads.Writer().round2(ownRound2)
                                .round3(participant.createRound3PayloadToSend(keyingMaterial)).toByteArray();
                    }
                    case AWAIT_3 -> { // responder, M3 = round 2 + confirmation of the initiator
                        participant.validateRound2PayloadReceived(in.round2());
                        var confirmation = in.round3();
                        in.end();
                        keyingMaterial = participant.calculateKeyingMaterial();
                        // As with round 1, Bouncy Castle wants ours made before the peer's is checked.
                        byte[] ownConfirmation = new JpakePayloads.Writer().round3(participant.createRound3PayloadToSend(keyingMaterial))
                                .toByteArray();
                        confirm(confirmation);
                        yield ownConfirmation;
                    }
                    case AWAIT_CONFIRM -> { // initiator, M4 = confirmation of the responder
                        var confirmation = in.round3();
                        in.end();
                        confirm(confirmation);
                        yield null;
                    }
                    default -> throw new IllegalStateException("unreachable: " + state);
                };
                if (reply != null) {
                    transcript.append(reply);
                }
                return Optional.ofNullable(reply);
            } catch (CryptoException | IllegalArgumentException | IllegalStateException e) {
                state = State.FAILED;
                keyingMaterial = null;
                throw new KeyExchangeException("jpake: " + e.getMessage(), e);
            }
        }

        private void confirm(JPAKERound3Payload confirmation) throws KeyExchangeException {
            try {
                participant.validateRound3PayloadReceived(confirmation, keyingMaterial);
            } catch (CryptoException e) {
                state = State.FAILED;
                keyingMaterial = null;
                throw new KeyExchangeException("jpake key confirmation failed: the peer used a different code, or the messages were altered", e);
            }
            SHA256Digest digest = new SHA256Digest();
            byte[] km = keyingMaterial.toByteArray();
            digest.update(km, 0, km.length);
            byte[] out = new byte[32];
            digest.doFinal(out, 0);
            Arrays.fill(km, (byte) 0);
            secret = Secret.adopt(out);
            keyingMaterial = null;
            state = State.COMPLETE;
        }

        @Override
        public boolean isComplete() {
            return state == State.COMPLETE;
        }

        @Override
        public Secret sharedSecret() {
            require(State.COMPLETE, "sharedSecret");
            return secret;
        }

        @Override
        public byte[] transcript() {
            return transcript.toByteArray();
        }

        @Override
        public void close() {
            if (secret != null) {
                secret.destroy();
            }
            keyingMaterial = null;
            state = State.CLOSED;
        }

        private void require(State expected, String operation) {
            if (state != expected) {
                throw new IllegalStateException("jpake session: cannot " + operation + " in state " + state);
            }
        }
    }
}

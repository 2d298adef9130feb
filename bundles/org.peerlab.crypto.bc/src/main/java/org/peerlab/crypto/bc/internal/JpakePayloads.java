package org.peerlab.crypto.bc.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.bouncycastle.crypto.agreement.jpake.JPAKERound1Payload;
import org.bouncycastle.crypto.agreement.jpake.JPAKERound2Payload;
import org.bouncycastle.crypto.agreement.jpake.JPAKERound3Payload;

/**
 * Wire form of J-PAKE payloads: a round byte (1, 2, 3), the participant id (modified UTF-8 with
 * a 2-byte length), then numbers, each a 2-byte length and an unsigned big-endian magnitude;
 * proofs are a 1-byte count followed by their numbers. Reading rejects anything longer than the
 * limits below with {@link IllegalArgumentException}.
 */
final class JpakePayloads {

    private static final int MAX_NUMBER_BYTES = 1024;
    private static final int MAX_PROOF_PARTS = 4;

    private JpakePayloads() {
    }

    /** Writes payloads one after another. */
    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer round1(JPAKERound1Payload p) {
            return write(() -> {
                out.writeByte(1);
                out.writeUTF(p.getParticipantId());
                number(p.getGx1());
                number(p.getGx2());
                proof(p.getKnowledgeProofForX1());
                proof(p.getKnowledgeProofForX2());
            });
        }

        Writer round2(JPAKERound2Payload p) {
            return write(() -> {
                out.writeByte(2);
                out.writeUTF(p.getParticipantId());
                number(p.getA());
                proof(p.getKnowledgeProofForX2s());
            });
        }

        Writer round3(JPAKERound3Payload p) {
            return write(() -> {
                out.writeByte(3);
                out.writeUTF(p.getParticipantId());
                number(p.getMacTag());
            });
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        private interface Body {
            void run() throws IOException;
        }

        private Writer write(Body body) {
            try {
                body.run();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
            }
        }

        private void number(BigInteger n) throws IOException {
            byte[] b = n.toByteArray();
            out.writeShort(b.length);
            out.write(b);
        }

        private void proof(BigInteger[] parts) throws IOException {
            out.writeByte(parts.length);
            for (BigInteger part : parts) {
                number(part);
            }
        }
    }

    /** Reads payloads in order from one message. */
    static final class Reader {
        private final DataInputStream in;
        private final int length;
        private final ByteArrayInputStream source;

        Reader(byte[] message) {
            this.source = new ByteArrayInputStream(message);
            this.in = new DataInputStream(source);
            this.length = message.length;
        }

        JPAKERound1Payload round1() {
            return read(1, () -> new JPAKERound1Payload(in.readUTF(), number(), number(), proof(), proof()));
        }

        JPAKERound2Payload round2() {
            return read(2, () -> new JPAKERound2Payload(in.readUTF(), number(), proof()));
        }

        JPAKERound3Payload round3() {
            return read(3, () -> new JPAKERound3Payload(in.readUTF(), number()));
        }

        /** @throws IllegalArgumentException if bytes are left over */
        void end() {
            if (source.available() != 0) {
                throw new IllegalArgumentException(source.available() + " unexpected trailing byte(s) in a " + length + "-byte J-PAKE message");
            }
        }

        private interface Body<T> {
            T run() throws IOException;
        }

        private <T> T read(int round, Body<T> body) {
            try {
                int type = in.readUnsignedByte();
                if (type != round) {
                    throw new IllegalArgumentException("expected a J-PAKE round " + round + " payload, found type " + type);
                }
                return body.run();
            } catch (EOFException e) {
                throw new IllegalArgumentException("J-PAKE round " + round + " payload is truncated", e);
            } catch (IOException e) {
                throw new IllegalArgumentException("J-PAKE round " + round + " payload is malformed: " + e.getMessage(), e);
            }
        }

        private BigInteger number() throws IOException {
            int n = in.readUnsignedShort();
            if (n == 0 || n > MAX_NUMBER_BYTES) {
                throw new IOException("number of " + n + " bytes (allowed 1.." + MAX_NUMBER_BYTES + ")");
            }
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new EOFException();
            }
            return new BigInteger(b);
        }

        private BigInteger[] proof() throws IOException {
            int count = in.readUnsignedByte();
            if (count == 0 || count > MAX_PROOF_PARTS) {
                throw new IOException("proof of " + count + " parts (allowed 1.." + MAX_PROOF_PARTS + ")");
            }
            BigInteger[] parts = new BigInteger[count];
            for (int i = 0; i < count; i++) {
                parts[i] = number();
            }
            return parts;
        }
    }
}

package org.peerlab.sim.net;

import java.util.Arrays;

import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Secret;

/**
 * Payload elision for very large simulations: an {@link Aead} that stands in for a real one under
 * the same name and sizes (key, nonce and tag lengths) but does not encrypt or authenticate:
 * sealing copies the plaintext and appends a zero tag, opening strips it. Messages therefore have
 * exactly the real cipher's length on the wire. <b>Not a cipher</b>: used only by the simulator
 * when a study asks for elision, and every result of such a study says so.
 */
final class ElidedAead implements Aead {

    private final Aead real;

    ElidedAead(Aead real) {
        this.real = real;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return real.descriptor();
    }

    @Override
    public int keyLength() {
        return real.keyLength();
    }

    @Override
    public int nonceLength() {
        return real.nonceLength();
    }

    @Override
    public int tagLength() {
        return real.tagLength();
    }

    @Override
    public AeadCipher newCipher(Secret key) {
        if (key.length() != keyLength()) {
            throw new IllegalArgumentException(descriptor().name() + " needs a " + keyLength() + "-byte key, got " + key.length() + " bytes");
        }
        int tag = tagLength();
        return new AeadCipher() {
            @Override
            public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext) {
                return Arrays.copyOf(plaintext, plaintext.length + tag);
            }

            @Override
            public int seal(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length, byte[] out, int outOffset) {
                System.arraycopy(in, offset, out, outOffset, length);
                Arrays.fill(out, outOffset + length, outOffset + length + tag, (byte) 0);
                return length + tag;
            }

            @Override
            public byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext) {
                return Arrays.copyOf(ciphertext, Math.max(0, ciphertext.length - tag));
            }

            @Override
            public byte[] open(byte[] nonce, byte[] associatedData, byte[] in, int offset, int length) {
                return Arrays.copyOfRange(in, offset, offset + Math.max(0, length - tag));
            }

            @Override
            public void close() {
            }
        };
    }
}

package org.peerlab.storage.client;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.peerlab.core.strategy.ParameterSpec;
import org.peerlab.core.strategy.Parameters;
import org.peerlab.core.strategy.StrategyDescriptor;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.AeadException;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;
import org.peerlab.redundancy.api.ErasureCodec;
import org.peerlab.redundancy.api.InsufficientShardsException;
import org.peerlab.redundancy.api.Shard;
import org.peerlab.redundancy.api.ShardHeader;
import org.peerlab.redundancy.api.ShardSelection;

/**
 * Real primitives for the client's unit tests, which cannot see the strategy bundles: AES-256-GCM
 * and PBKDF2-HMAC-SHA256 straight from the JDK, and a single-parity XOR code (k data pieces and one
 * parity piece; any k of the k + 1 restore the data), which is a genuine k-of-(k+1) erasure code.
 * The real strategies (aes-256-gcm, pbkdf2-sha256, reed-solomon) run in the end-to-end runs.
 */
final class TestParts {

    private TestParts() {
    }

    static final class JdkAesGcm implements Aead {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.of(FAMILY, "aes-256-gcm", "AES-256-GCM from the JDK (test)");
        }

        @Override
        public int keyLength() {
            return 32;
        }

        @Override
        public int nonceLength() {
            return 12;
        }

        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public AeadCipher newCipher(Secret key) {
            SecretKeySpec k = new SecretKeySpec(key.bytes(), "AES");
            return new AeadCipher() {
                @Override
                public byte[] seal(byte[] nonce, byte[] ad, byte[] plaintext) {
                    return run(Cipher.ENCRYPT_MODE, nonce, ad, plaintext);
                }

                @Override
                public byte[] open(byte[] nonce, byte[] ad, byte[] ciphertext) throws AeadException {
                    try {
                        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                        c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, nonce));
                        c.updateAAD(ad);
                        return c.doFinal(ciphertext);
                    } catch (GeneralSecurityException e) {
                        throw new AeadException("does not authenticate", e);
                    }
                }

                private byte[] run(int mode, byte[] nonce, byte[] ad, byte[] in) {
                    try {
                        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                        c.init(mode, k, new GCMParameterSpec(128, nonce));
                        c.updateAAD(ad);
                        return c.doFinal(in);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static final class JdkPbkdf2 implements Kdf {
        private static final StrategyDescriptor D = StrategyDescriptor.of(FAMILY, "pbkdf2-sha256", "PBKDF2-HMAC-SHA256 from the JDK (test)",
                ParameterSpec.integer("iterations", "rounds", 1000, 1, 10_000_000));

        @Override
        public StrategyDescriptor descriptor() {
            return D;
        }

        @Override
        public Secret derive(Secret input, byte[] salt, byte[] info, int length, Parameters parameters) {
            byte[] pw = input.bytes();
            char[] chars = new String(pw, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
            try {
                byte[] out = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(chars, salt, parameters.getInt("iterations"), length * 8)).getEncoded();
                return Secret.adopt(out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } finally {
                java.util.Arrays.fill(pw, (byte) 0);
                java.util.Arrays.fill(chars, '\0');
            }
        }
    }

    /** k data pieces (the data cut into k equal parts, zero-padded) and their XOR. */
    static final class XorParity implements ErasureCodec {
        private static final int CODEC = 200;
        private final int k;

        XorParity(int k) {
            this.k = k;
        }

        @Override
        public int requiredShards() {
            return k;
        }

        @Override
        public int totalShards() {
            return k + 1;
        }

        @Override
        public List<Shard> encode(byte[] data) {
            int size = (data.length + k - 1) / k;
            byte[][] parts = new byte[k + 1][size];
            for (int i = 0; i < k; i++) {
                int from = i * size;
                int len = Math.max(0, Math.min(size, data.length - from));
                System.arraycopy(data, from, parts[i], 0, len);
                for (int j = 0; j < size; j++) {
                    parts[k][j] ^= parts[i][j];
                }
            }
            List<Shard> out = new ArrayList<>();
            for (int i = 0; i <= k; i++) {
                out.add(new ShardHeader(CODEC, k, k + 1, i, data.length).wrap(parts[i]));
            }
            return out;
        }

        @Override
        public byte[] decode(Collection<Shard> shards) throws InsufficientShardsException {
            ShardSelection sel = new ShardSelection(shards, CODEC, k, k + 1);
            sel.requireAtLeast(k);
            Map<Integer, byte[]> p = sel.payloads();
            int size = p.values().iterator().next().length;
            byte[] out = new byte[(int) sel.originalLength()];
            for (int i = 0; i < k; i++) {
                byte[] part = p.get(i);
                if (part == null) {
                    part = new byte[size];
                    for (Map.Entry<Integer, byte[]> e : p.entrySet()) {
                        for (int j = 0; j < size; j++) {
                            part[j] ^= e.getValue()[j];
                        }
                    }
                }
                int from = i * size;
                int len = Math.max(0, Math.min(size, out.length - from));
                System.arraycopy(part, 0, out, from, len);
            }
            return out;
        }
    }
}

package org.peerlab.strategies.tests;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.AeadCipher;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;
import org.peerlab.crypto.api.SignatureScheme;
import org.peerlab.crypto.bc.internal.AesGcmBcStrategy;
import org.peerlab.crypto.bc.internal.AesGcmSivStrategy;
import org.peerlab.crypto.bc.internal.Ed25519Strategy;
import org.peerlab.crypto.bc.internal.HkdfSha256Strategy;
import org.peerlab.crypto.bc.internal.Pbkdf2Sha256Strategy;
import org.peerlab.crypto.bc.internal.X25519MlKem768Strategy;
import org.peerlab.crypto.jdk.internal.AesGcmStrategy;
import org.peerlab.crypto.jdk.internal.ChaCha20Poly1305Strategy;
import org.peerlab.crypto.jdk.internal.EcdhP256Strategy;
import org.peerlab.crypto.jdk.internal.EcdsaP256Strategy;
import org.peerlab.crypto.jdk.internal.X25519Strategy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every Wycheproof file in ../shared/vectors/wycheproof against the PeerLab strategy (or the
 * strategy's own primitive step, where the session API keeps keys ephemeral) that implements it.
 */
class WycheproofTest {

    @org.junit.jupiter.api.BeforeAll
    static void freshSummary() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("target", "wycheproof-summary.txt"));
    }

    // ---- AEAD ----------------------------------------------------------------------------

    private static void aead(String file, Aead aead) throws Exception {
        Wycheproof w = new Wycheproof(file, aead.descriptor().name());
        for (Wycheproof.Case c : w.cases()) {
            JsonNode g = c.group();
            if (g.get("keySize").asInt() != aead.keyLength() * 8 || g.get("ivSize").asInt() != aead.nonceLength() * 8
                    || g.get("tagSize").asInt() != aead.tagLength() * 8) {
                w.skip();
                continue;
            }
            byte[] ct = concat(c.hex("ct"), c.hex("tag"));
            byte[] msg = c.hex("msg");
            boolean accepted;
            boolean matches = false;
            try (AeadCipher cipher = aead.newCipher(Secret.copyOf(c.hex("key")))) {
                byte[] opened = cipher.open(c.hex("iv"), c.hex("aad"), ct);
                accepted = true;
                matches = Arrays.equals(opened, msg);
                if (c.result() == Wycheproof.Result.VALID) {
                    matches &= Arrays.equals(aead.newCipher(Secret.copyOf(c.hex("key"))).seal(c.hex("iv"), c.hex("aad"), msg), ct);
                }
            } catch (org.peerlab.crypto.api.AeadException e) {
                accepted = false;
            }
            w.record(c, accepted, matches, null);
        }
        w.finish();
    }

    @Test
    void aesGcmJdk() throws Exception {
        aead("aes_gcm_test.json", new AesGcmStrategy());
    }

    @Test
    void aesGcmBc() throws Exception {
        aead("aes_gcm_test.json", new AesGcmBcStrategy());
    }

    @Test
    void aesGcmSiv() throws Exception {
        aead("aes_gcm_siv_test.json", new AesGcmSivStrategy());
    }

    @Test
    void chaCha20Poly1305() throws Exception {
        aead("chacha20_poly1305_test.json", new ChaCha20Poly1305Strategy());
    }

    // ---- key agreement ---------------------------------------------------------------------

    @Test
    void x25519() throws Exception {
        Wycheproof w = new Wycheproof("x25519_test.json", "x25519");
        KeyFactory kf = KeyFactory.getInstance("X25519");
        for (Wycheproof.Case c : w.cases()) {
            PrivateKey priv = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, c.hex("private")));
            agreement(w, c, () -> X25519Strategy.agree(priv, c.hex("public")).bytes());
        }
        w.finish();
    }

    @Test
    void ecdhP256() throws Exception {
        Wycheproof w = new Wycheproof("ecdh_secp256r1_test.json", "ecdh-p256");
        for (Wycheproof.Case c : w.cases()) {
            agreement(w, c, () -> {
                // The session sends raw points; here the peer key comes as X.509 DER, decoded by the JDK first.
                ECPublicKey peer = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(c.hex("public")));
                return EcdhP256Strategy.agree(p256Private(c.hex("private")), EcdhP256Strategy.encode(peer)).bytes();
            });
        }
        w.finish();
    }

    @Test
    void ecdhP256Webcrypto() throws Exception {
        Wycheproof w = new Wycheproof("ecdh_secp256r1_webcrypto_test.json", "ecdh-p256");
        for (Wycheproof.Case c : w.cases()) {
            agreement(w, c, () -> {
                JsonNode jwk = c.test().get("public");
                if (!"P-256".equals(jwk.path("crv").asText()) || !"EC".equals(jwk.path("kty").asText())) {
                    throw new IllegalArgumentException("not a P-256 key");
                }
                byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
                byte[] y = Base64.getUrlDecoder().decode(jwk.get("y").asText());
                if (x.length != 32 || y.length != 32) {
                    throw new IllegalArgumentException("coordinates are not 32 bytes");
                }
                byte[] point = concat(new byte[] { 4 }, concat(x, y));
                JsonNode d = c.test().get("private");
                byte[] scalar = Base64.getUrlDecoder().decode(d.get("d").asText());
                return EcdhP256Strategy.agree(p256Private(scalar), point).bytes();
            });
        }
        w.finish();
    }

    /** A step that computes a shared secret or throws when it rejects the input. */
    private interface Agreement {
        byte[] run() throws Exception;
    }

    private static void agreement(Wycheproof w, Wycheproof.Case c, Agreement step) {
        try {
            byte[] shared = step.run();
            w.record(c, true, Arrays.equals(shared, c.hex("shared")), null);
        } catch (Exception e) {
            w.record(c, false, false, e.toString());
        }
    }

    private static PrivateKey p256Private(byte[] scalar) throws Exception {
        var params = ((ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Wycheproof.HEX.parseHex(
                "3059301306072a8648ce3d020106082a8648ce3d03010703420004"
                        + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
                        + "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")))).getParams();
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), params));
    }

    // ---- ML-KEM (the post-quantum half of x25519-mlkem768) --------------------------------------

    @Test
    void mlKem768KeyGenerationAndDecapsulation() throws Exception {
        Wycheproof w = new Wycheproof("mlkem_768_test.json", "x25519-mlkem768");
        for (Wycheproof.Case c : w.cases()) {
            try {
                MLKEMPrivateKeyParameters key = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, c.hex("seed"));
                boolean ekMatches = Arrays.equals(key.getPublicKeyParameters().getEncoded(), c.hex("ek"));
                byte[] k = X25519MlKem768Strategy.decapsulate(key, c.hex("c"));
                w.record(c, true, ekMatches && Arrays.equals(k, c.hex("K")), null);
            } catch (RuntimeException e) {
                w.record(c, false, false, e.toString());
            }
        }
        w.finish();
    }

    @Test
    void mlKem768Encapsulation() throws Exception {
        Wycheproof w = new Wycheproof("mlkem_768_encaps_test.json", "x25519-mlkem768");
        for (Wycheproof.Case c : w.cases()) {
            byte[] m = c.hex("m");
            SecureRandom fixed = new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(m, 0, bytes, 0, bytes.length);
                }
            };
            try {
                SecretWithEncapsulation out = X25519MlKem768Strategy.encapsulate(c.hex("ek"), fixed);
                w.record(c, true, Arrays.equals(out.getEncapsulation(), c.hex("c")) && Arrays.equals(out.getSecret(), c.hex("K")), null);
            } catch (RuntimeException e) {
                w.record(c, false, false, e.toString());
            }
        }
        w.finish();
    }

    // ---- KDF ----------------------------------------------------------------------------------

    @Test
    void hkdfSha256() throws Exception {
        Kdf kdf = new HkdfSha256Strategy();
        Wycheproof w = new Wycheproof("hkdf_sha256_test.json", "hkdf-sha256");
        for (Wycheproof.Case c : w.cases()) {
            try {
                Secret okm = kdf.derive(Secret.copyOf(c.hex("ikm")), c.hex("salt"), c.hex("info"), c.test().get("size").asInt(),
                        kdf.descriptor().defaults());
                w.record(c, true, Arrays.equals(okm.bytes(), c.hex("okm")), null);
            } catch (IllegalArgumentException e) {
                w.record(c, false, false, e.getMessage());
            }
        }
        w.finish();
    }

    @Test
    void pbkdf2HmacSha256() throws Exception {
        Kdf kdf = new Pbkdf2Sha256Strategy();
        Wycheproof w = new Wycheproof("pbkdf2_hmacsha256_test.json", "pbkdf2-sha256");
        for (Wycheproof.Case c : w.cases()) {
            try {
                var params = kdf.descriptor().bind(Map.of("iterations", c.text("iterationCount")));
                Secret dk = kdf.derive(Secret.copyOf(c.hex("password")), c.hex("salt"), new byte[0], c.test().get("dkLen").asInt(), params);
                w.record(c, true, Arrays.equals(dk.bytes(), c.hex("dk")), null);
            } catch (IllegalArgumentException e) {
                w.record(c, false, false, e.getMessage());
            }
        }
        w.finish();
    }

    // ---- signatures -----------------------------------------------------------------------------

    private static void verify(String file, SignatureScheme scheme, String keyField) throws Exception {
        Wycheproof w = new Wycheproof(file, scheme.descriptor().name());
        for (Wycheproof.Case c : w.cases()) {
            byte[] pk = Wycheproof.HEX.parseHex(c.group().get("publicKey").get(keyField).asText());
            boolean ok = scheme.verify(pk, c.hex("msg"), c.hex("sig"));
            w.record(c, ok, ok, null);
        }
        w.finish();
    }

    @Test
    void ed25519() throws Exception {
        verify("ed25519_test.json", new Ed25519Strategy(), "pk");
    }

    @Test
    void ecdsaP256() throws Exception {
        verify("ecdsa_secp256r1_sha256_p1363_test.json", new EcdsaP256Strategy(), "uncompressed");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.peerlab.protocol.handshake;

import java.util.List;
import java.util.Objects;

import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Aead;
import org.peerlab.crypto.api.KeyExchange;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Pake;
import org.peerlab.crypto.api.Secret;

/**
 * What one side offers and how it authenticates.
 *
 * @param registry     where strategies are looked up by name
 * @param keyExchanges key exchanges offered, most preferred first
 * @param aeads        AEADs offered, most preferred first
 * @param kdfs         KDFs offered, most preferred first (session keys need an extract-and-expand KDF such as hkdf-sha256)
 * @param pake         the PAKE to authenticate with a pairing code, or null for none
 * @param code         the pairing code when {@code pake} is set, else null
 */
public record HandshakeConfig(StrategyRegistry registry, List<String> keyExchanges, List<String> aeads, List<String> kdfs, String pake,
        Secret code) {

    public HandshakeConfig {
        Objects.requireNonNull(registry, "registry");
        keyExchanges = List.copyOf(keyExchanges);
        aeads = List.copyOf(aeads);
        kdfs = List.copyOf(kdfs);
        if (keyExchanges.isEmpty() || aeads.isEmpty() || kdfs.isEmpty()) {
            throw new IllegalArgumentException("offer at least one key exchange, one AEAD and one KDF");
        }
        keyExchanges.forEach(n -> registry.family(KeyExchange.FAMILY).require(n, KeyExchange.class));
        aeads.forEach(n -> registry.family(Aead.FAMILY).require(n, Aead.class));
        kdfs.forEach(n -> registry.family(Kdf.FAMILY).require(n, Kdf.class));
        if ((pake == null) != (code == null)) {
            throw new IllegalArgumentException("a pairing code needs a PAKE and a PAKE needs a code");
        }
        if (pake != null) {
            registry.family(Pake.FAMILY).require(pake, Pake.class);
        }
    }

    /**
     * PeerLab's defaults, limited to what is installed: hybrid post-quantum key exchange first,
     * AES-256-GCM first, HKDF-SHA256.
     */
    public static HandshakeConfig defaults(StrategyRegistry registry, String pake, Secret code) {
        return new HandshakeConfig(registry, installed(registry, KeyExchange.FAMILY, "x25519-mlkem768", "x25519", "ecdh-p256", "ffdhe2048"),
                installed(registry, Aead.FAMILY, "aes-256-gcm", "chacha20-poly1305", "aes-256-gcm-siv"),
                installed(registry, Kdf.FAMILY, "hkdf-sha256"), pake, code);
    }

    private static List<String> installed(StrategyRegistry registry, String family, String... names) {
        return java.util.Arrays.stream(names).filter(n -> registry.family(family).find(n).isPresent()).toList();
    }

    String auth() {
        return pake == null ? "none" : "pake:" + pake;
    }
}

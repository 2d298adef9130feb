package org.peerlab.storage.strategies.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One challenge of {@code precomputed-hmac}, as the verifier derives it from its secret.
 *
 * <p>Derivation of challenge {@code i}: {@code d = HMAC-SHA256(secret, "peerlab/precomputed-hmac/challenge" || int32(i))};
 * the nonce is {@code d[0..16)}, the index seed {@code d[16..24)} read as a big-endian long. The
 * c block indices come from {@code new SplittableRandom(seed).nextLong()} (SplitMix64, the same on
 * every JDK) mapped to {@code [0, n)} by rejection sampling, so they are uniform with
 * replacement and the node computes the same list from the seed. The expected answer is
 * {@code HMAC-SHA256(key = nonce, message = the selected blocks in ascending index order, a
 * block repeated as often as it was drawn)}: ascending order lets the record builder compute
 * every challenge's MAC in one pass over the shard.
 *
 * @param nonce 16 bytes, the MAC key of this challenge
 * @param seed  the index seed
 */
record PrecomputedChallenge(byte[] nonce, long seed) {

    static final int NONCE_LENGTH = 16;
    static final int MAC_LENGTH = 32;
    private static final byte[] LABEL = "peerlab/precomputed-hmac/challenge".getBytes(StandardCharsets.US_ASCII);

    /** @param secretMac HMAC-SHA256 keyed with the verifier's secret */
    static PrecomputedChallenge derive(Mac secretMac, int number) {
        secretMac.update(LABEL);
        byte[] d = secretMac.doFinal(ByteBuffer.allocate(4).putInt(number).array());
        return new PrecomputedChallenge(Arrays.copyOf(d, NONCE_LENGTH), ByteBuffer.wrap(d, NONCE_LENGTH, 8).getLong());
    }

    /** @return the {@code count} block indices of this challenge, in ascending order, repetitions kept */
    int[] sortedIndices(int count, int blockCount) {
        SplittableRandom stream = new SplittableRandom(seed);
        int[] indices = new int[count];
        for (int j = 0; j < count; j++) {
            long bits;
            long value;
            do {
                bits = stream.nextLong() >>> 1;
                value = bits % blockCount;
            } while (bits - value + (blockCount - 1) < 0);
            indices[j] = (int) value;
        }
        Arrays.sort(indices);
        return indices;
    }

    /** @return the MAC that answers this challenge, keyed with its nonce */
    Mac answerMac() {
        return hmacSha256(nonce);
    }

    /** @return an HMAC-SHA256 instance keyed with {@code key} */
    static Mac hmacSha256(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks HmacSHA256", e);
        }
    }
}

package org.peerlab.storage.client;

import java.util.Objects;
import java.util.random.RandomGenerator;

import org.peerlab.core.strategy.Parameters;
import org.peerlab.crypto.api.Kdf;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.wire.FileRecord;

/**
 * A stored file's key and what its record says about it. Either derived from a password with a
 * KDF strategy, a fresh {@value #SALT_LENGTH}-byte salt and the strategy's default parameters (the
 * record keeps the KDF's name, its parameters as {@link ParameterText} and the salt, so the same
 * password derives the same key later even if the defaults change), or random: the record then
 * says {@value #RANDOM_KEY} with no parameters and no salt, and the key lives only with the
 * owner. Randomness comes from the caller (a {@code SecureRandom} for real use).
 *
 * @param key           the file's key; the caller closes it
 * @param kdf           the KDF's name, or {@value #RANDOM_KEY}
 * @param kdfParameters the KDF's parameters as text, empty for random keys
 * @param salt          the salt, empty for random keys
 */
public record FileKey(Secret key, String kdf, String kdfParameters, byte[] salt) {

    /** Salt bytes per password-protected file. */
    public static final int SALT_LENGTH = 16;
    /** The record's KDF name for files with a random key. */
    public static final String RANDOM_KEY = "none";

    private static final byte[] INFO = "peerlab-storage-file-key-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public FileKey {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param password the password's bytes (UTF-8), not empty
     * @return a key derived with a fresh salt and {@code kdf}'s default parameters
     * @throws IllegalArgumentException if the password is empty
     */
    public static FileKey fromPassword(Kdf kdf, Secret password, int keyLength, RandomGenerator random) {
        if (password.length() == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        Parameters p = kdf.descriptor().defaults();
        return new FileKey(kdf.derive(password, salt, INFO, keyLength, p), kdf.descriptor().name(), ParameterText.format(p), salt);
    }

    /** @return a fresh random key of {@code keyLength} bytes */
    public static FileKey random(int keyLength, RandomGenerator random) {
        byte[] k = new byte[keyLength];
        random.nextBytes(k);
        return new FileKey(Secret.adopt(k), RANDOM_KEY, "", new byte[0]);
    }

    /** @return whether the file's key comes from a password */
    public static boolean usesPassword(FileRecord record) {
        return !RANDOM_KEY.equals(record.kdf());
    }

    /**
     * Derives a password-protected file's key again, with the KDF, parameters and salt its record holds.
     *
     * @param kdf the strategy the record names
     * @throws IllegalArgumentException if the file has a random key, {@code kdf} is not the
     *         record's, its parameters or salt are invalid, or the password is empty
     */
    public static Secret forRecord(FileRecord record, Kdf kdf, Secret password, int keyLength) {
        if (!usesPassword(record)) {
            throw new IllegalArgumentException("file " + record.fileId() + " has a random key, not a password");
        }
        if (!kdf.descriptor().name().equals(record.kdf())) {
            throw new IllegalArgumentException("file " + record.fileId() + " uses kdf " + record.kdf() + ", not " + kdf.descriptor().name());
        }
        if (record.salt().length != SALT_LENGTH) {
            throw new IllegalArgumentException("file " + record.fileId() + " has a salt of " + record.salt().length + " bytes, expected "
                    + SALT_LENGTH);
        }
        if (password.length() == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        return kdf.derive(password, record.salt(), INFO, keyLength, ParameterText.bind(kdf.descriptor(), record.kdfParameters()));
    }
}

package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.peerlab.crypto.api.Secret;

/**
 * Reads a password from a file: its first line, without the line break ({@code \n} or
 * {@code \r\n}); the bytes are taken as they are (UTF-8 by convention). Passwords never come from
 * the command line, where other users could see them in the process list.
 */
final class PasswordFile {

    private PasswordFile() {
    }

    /** @throws IOException if the file cannot be read or its first line is empty */
    static Secret read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        try {
            int end = 0;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end > 0 && all[end - 1] == '\r') {
                end--;
            }
            if (end == 0) {
                throw new IOException("the password file " + file + " is empty (its first line is the password)");
            }
            return Secret.adopt(Arrays.copyOf(all, end));
        } finally {
            Arrays.fill(all, (byte) 0);
        }
    }
}

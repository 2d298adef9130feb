package org.peerlab.storage.net.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.net.config.StorageConfig;

/** Options the client subcommands share: {@code --config}, {@code --coordinator}, {@code --password-file}, file ids. */
final class ClientOptions {

    static final String COMMON_HELP = """
              --coordinator HOST:PORT  the coordinator (default: the configuration's "coordinator", 127.0.0.1:47480)
              --config FILE            storage configuration (default <config>/storage.json if it exists)
            """;

    private ClientOptions() {
    }

    /**
     * @return the client's settings: the configuration file, then {@code --coordinator}
     * @throws UsageException if the file or a value is invalid
     */
    static ClientSettings settings(Options o) throws UsageException {
        try {
            StorageConfig c = StorageConfig.load(o.value("config").map(Path::of));
            if (o.value("coordinator").isPresent()) {
                c = c.with("coordinator", o.value("coordinator").get());
            }
            return ClientSettings.from(c);
        } catch (IOException e) {
            throw new UsageException("cannot read the configuration: " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** @throws UsageException if the password file cannot be read or its first line is empty */
    static Optional<Secret> password(Options o) throws UsageException {
        if (o.value("password-file").isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PasswordFile.read(Path.of(o.value("password-file").get())));
        } catch (IOException e) {
            throw new UsageException("cannot use the password file: " + e.getMessage());
        }
    }

    /** @return the single positional file id */
    static String fileId(Options o) throws UsageException {
        if (o.positional().size() != 1) {
            throw new UsageException("name the file id (as put printed it)");
        }
        String id = o.positional().get(0);
        if (!KeyFiles.FILE_ID.matcher(id).matches()) {
            throw new UsageException("'" + id + "' is not a file id (32 lower-case hex characters, as put printed it)");
        }
        return id;
    }
}

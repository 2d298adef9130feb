package org.peerlab.storage.net.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.peerlab.cli.api.Options;
import org.peerlab.cli.api.UsageException;
import org.peerlab.core.strategy.StrategyRegistry;
import org.peerlab.crypto.api.Secret;
import org.peerlab.storage.net.cli.StorageSubcommand;

/** {@code peerlab storage put FILE}: encrypts, erasure-codes and stores a file; prints its id. */
public final class PutCommand implements StorageSubcommand {

    @Override
    public String name() {
        return "put";
    }

    @Override
    public String summary() {
        return "encrypt a file, erasure-code it and store one shard per node; prints the file id";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage put FILE [--password-file F] [--coordinator HOST:PORT] [--config F]

                Cuts FILE into segments (segment-size, 8 MiB by default), seals each with the AEAD
                (aead, aes-256-gcm) and erasure-codes it into n pieces (redundancy reed-solomon,
                shards-required k = 8 of shards-total n = 20); shard i, piece i of every segment,
                goes to the i-th node the coordinator chose. Any k shards restore the file. The
                coordinator records the file only once every node has stored and synced its shard;
                then put prints the file id as the last line on stdout (progress goes to stderr).

                  --password-file F        derive the key from the first line of F (kdf, pbkdf2-sha256,
                                           with a fresh salt): get needs the same password. Without it
                                           the key is random and kept in <config>/storage/keys/ID.key
                                           (mode 600): get on this machine finds it; back it up.
                """ + ClientOptions.COMMON_HELP + """

                Exit status: 0 stored; 1 failed (the message says why; nothing is stored); 2 usage.
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage put", args, Set.of(), Set.of("password-file", "coordinator", "config"), 1);
        if (o.positional().isEmpty()) {
            throw new UsageException("name the file to store: peerlab storage put FILE");
        }
        ClientSettings settings = ClientOptions.settings(o);
        Optional<Secret> password = ClientOptions.password(o);
        Path file = Path.of(o.positional().get(0));
        Progress progress = new Progress(err, "put");
        try {
            String id = new StorageClient(registry, settings).withListener(progress).put(file, password);
            progress.finish("stored " + file.getFileName() + " as " + id);
            out.println(id);
            return 0;
        } catch (StorageClientException e) {
            progress.interrupt();
            err.println("peerlab storage: " + e.getMessage());
            return 1;
        } finally {
            password.ifPresent(Secret::close);
        }
    }
}

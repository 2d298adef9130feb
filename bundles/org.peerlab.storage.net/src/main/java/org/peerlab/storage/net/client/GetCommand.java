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

/** {@code peerlab storage get ID --out PATH}: reads a stored file back from any k of its nodes. */
public final class GetCommand implements StorageSubcommand {

    @Override
    public String name() {
        return "get";
    }

    @Override
    public String summary() {
        return "read a stored file back from any k of its nodes into --out PATH";
    }

    @Override
    public String help() {
        return """
                Usage: peerlab storage get ID --out PATH [--password-file F] [--coordinator HOST:PORT] [--config F]

                Asks the coordinator where the shards of file ID are, reads k pieces of each segment
                from the nodes in parallel (healthy nodes first; a node that fails or sends a piece
                that differs from its recorded hash is replaced by another), decodes and decrypts
                each segment and writes them to a temporary file next to PATH. PATH appears only
                once every segment has authenticated and the data is synced: a failed get leaves
                neither PATH nor a temporary file. PATH must not exist yet; it is created readable
                by its owner only (mode 600).

                  --out PATH               where to write the file (required)
                  --password-file F        the password the file was put with (first line of F);
                                           files put without one use the key in
                                           <config>/storage/keys/ID.key
                """ + ClientOptions.COMMON_HELP + """

                Exit status: 0 written and verified; 1 failed (wrong password, too few nodes, ...;
                the message says which); 2 usage.
                """;
    }

    @Override
    public int run(List<String> args, StrategyRegistry registry, PrintStream out, PrintStream err) throws UsageException {
        Options o = Options.parse("storage get", args, Set.of(), Set.of("out", "password-file", "coordinator", "config"), 1);
        String id = ClientOptions.fileId(o);
        if (o.value("out").isEmpty()) {
            throw new UsageException("name where to write the file: --out PATH");
        }
        ClientSettings settings = ClientOptions.settings(o);
        Optional<Secret> password = ClientOptions.password(o);
        Progress progress = new Progress(err, "get");
        try {
            Path written = new StorageClient(registry, settings).withListener(progress).get(id, Path.of(o.value("out").get()), password);
            progress.finish("wrote " + written);
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

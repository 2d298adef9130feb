package org.peerlab.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The files of a p2 repository that a plugin install needs: the entries of {@code plugins/} and
 * {@code features/}, wherever the repository lies (a folder or a zip). Content and metadata
 * files ({@code content.jar}, {@code artifacts.xml.xz}, ...) are not read.
 */
interface RepositoryFiles {

    /** The two folders read. */
    enum Folder {
        PLUGINS("plugins"), FEATURES("features");

        final String path;

        Folder(String path) {
            this.path = path;
        }
    }

    /** One entry directly inside a folder: a file or a sub-folder (an unpacked bundle or feature). */
    record Entry(Folder folder, String name, boolean directory) {
    }

    /** @return the entries directly inside {@code folder}, sorted by name; empty if it is missing */
    List<Entry> list(Folder folder) throws IOException;

    /** @return the content of the file {@code entry}, or of {@code relative} inside the sub-folder {@code entry} */
    InputStream open(Entry entry, String relative) throws IOException;

    /** @return how messages name the entry, e.g. {@code plugins/a.jar in /tmp/repo.zip} */
    String shown(Entry entry);
}

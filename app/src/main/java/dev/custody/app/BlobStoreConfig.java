package dev.custody.app;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** Where encrypted blobs live. Switched over exhaustively in {@link Custody}. */
public sealed interface BlobStoreConfig {
    /** The embedded default: a local folder. */
    record Folder(Path root) implements BlobStoreConfig {
        public Folder {
            requireNonNull(root, "root is null");
        }
    }
}

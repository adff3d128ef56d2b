package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.s3.S3BlobStoreConfig;
import java.nio.file.Path;

/** Where encrypted blobs live. Switched over exhaustively in {@link Custody}. */
public sealed interface BlobStoreConfig {
    /** The embedded default: a local folder. */
    record Folder(Path root) implements BlobStoreConfig {
        public Folder {
            requireNonNull(root, "root is null");
        }
    }

    /** An S3-compatible object store, shared by every node. */
    record S3(S3BlobStoreConfig store) implements BlobStoreConfig {
        public S3 {
            requireNonNull(store, "store is null");
        }
    }
}

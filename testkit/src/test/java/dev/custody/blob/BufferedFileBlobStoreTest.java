package dev.custody.blob;

import dev.custody.testkit.BlobStoreContract;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store contract with writes through the page cache, as on a file system that refuses
 * direct I/O ({@link FileBlobStoreTest} runs it with direct writes where this one allows them).
 */
class BufferedFileBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    private FileBlobStore store;

    @BeforeEach
    void openStore() {
        store = FileBlobStore.openBuffered(root);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected Set<String> storedNames() {
        return StoredFiles.names(root);
    }
}

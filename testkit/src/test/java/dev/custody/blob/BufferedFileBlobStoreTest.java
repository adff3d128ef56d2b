package dev.custody.blob;

import java.nio.file.Path;

/**
 * Every test of {@link FileBlobStoreTest}, with writes through the page cache, as on a file system
 * that refuses direct I/O.
 */
class BufferedFileBlobStoreTest extends FileBlobStoreTest {
    @Override
    FileBlobStore open(Path root) {
        return FileBlobStore.openBuffered(root);
    }
}

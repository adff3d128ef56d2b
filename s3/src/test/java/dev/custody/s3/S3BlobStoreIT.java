package dev.custody.s3;

import dev.custody.blob.BlobStore;
import dev.custody.testkit.BlobStoreContract;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the blob store contract against a real S3 API server. The stored names are everything the
 * bucket holds, objects and multipart uploads in progress, so a write that leaves either behind
 * fails the contract.
 */
final class S3BlobStoreIT extends BlobStoreContract {
    private static final String BUCKET = "custody-contract";

    private static S3ProxyServer server;
    private static S3BlobStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
        store = S3BlobStore.open(server.config(BUCKET, "blobs/"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        server.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected Set<String> storedNames() {
        return server.names(BUCKET);
    }
}

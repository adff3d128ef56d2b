package dev.custody.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * What several Custody nodes share, started in the test's JVM: an embedded PostgreSQL and an
 * S3-compatible server (S3Proxy over jclouds' in-memory store) holding one bucket.
 */
final class SharedBackends implements AutoCloseable {
    static final String BUCKET = "custody-nodes";
    private static final String ACCESS_KEY_ID = "custody-node-key";
    private static final String SECRET_ACCESS_KEY = "custody-node-secret-7c2e";
    private static final String DATABASE_PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final BlobStoreContext blobs;
    private final S3Proxy proxy;

    private SharedBackends(EmbeddedPostgres postgres, BlobStoreContext blobs, S3Proxy proxy) {
        this.postgres = postgres;
        this.blobs = blobs;
        this.proxy = proxy;
    }

    static SharedBackends start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                // S3Proxy knows no x-amz-checksum-sha256 header, which the store sends.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        return new SharedBackends(postgres, blobs, proxy);
    }

    /** A configuration file for a node on these backends, with a local keyring in {@code folder}. */
    Path writeConfig(Path folder) throws IOException {
        return Files.writeString(folder.resolve("custody.conf"), """
                database.url = jdbc:postgresql://localhost:%d/postgres
                database.user = postgres
                blobs.url = s3://%s/nodes/
                blobs.s3.endpoint = http://127.0.0.1:%d
                blobs.s3.region = us-east-1
                blobs.s3.path-style = true
                blobs.s3.access-key-id = %s
                keys.url = local:keyring.sealed
                """.formatted(
                        postgres.getPort(), BUCKET, proxy.getPort(), ACCESS_KEY_ID));
    }

    /** The secrets a node reads from its environment. */
    Map<String, String> secrets(String passphrase) {
        return Map.of(
                "CUSTODY_PASSPHRASE", passphrase,
                "CUSTODY_DATABASE_PASSWORD", DATABASE_PASSWORD,
                "CUSTODY_BLOBS_S3_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    }

    /** How many objects the bucket holds. */
    int objectCount() {
        return blobs.getBlobStore()
                .list(BUCKET, ListContainerOptions.Builder.recursive())
                .size();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        blobs.close();
        postgres.close();
    }
}

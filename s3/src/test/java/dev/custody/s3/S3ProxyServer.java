package dev.custody.s3;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 API server in this process: S3Proxy over jclouds' in-memory blob store, on a free port
 * of 127.0.0.1, checking AWS v4 signatures. Also holds an administrator's client that sees
 * everything in a bucket, complete objects and multipart uploads in progress alike.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final S3Credentials CREDENTIALS = S3Credentials.of("custody-test-key", "custody-test-secret-5f1d");

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final S3Client admin;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
        this.admin = S3Clients.create(config("admin-client", ""));
    }

    static S3ProxyServer start() throws Exception {
        // Named by its metadata rather than "transient": a lookup by name would load every
        // provider on the class path, including S3Proxy's own, whose SDKs the tests leave out.
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey())
                // S3Proxy knows no x-amz-checksum-sha256 header and would refuse every write that
                // carries one; AWS S3, MinIO and Ceph verify it. The unit tests check it is sent.
                .ignoreUnknownHeaders(true)
                .build();
        // Jetty's start returns once the connector listens.
        proxy.start();
        return new S3ProxyServer(context, proxy);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A store configuration for this server, with S3's smallest part size. */
    S3BlobStoreConfig config(String bucket, String keyPrefix) {
        return config(bucket, keyPrefix, CREDENTIALS);
    }

    S3BlobStoreConfig config(String bucket, String keyPrefix, S3Credentials credentials) {
        return new S3BlobStoreConfig(
                Optional.of(endpoint()), REGION, bucket, keyPrefix, true, credentials, S3BlobStoreConfig.MIN_PART_SIZE);
    }

    void createBucket(String bucket) {
        admin.createBucket(b -> b.bucket(bucket));
    }

    /** Empties and deletes a bucket, as an operator's mistake or an outage would. */
    void deleteBucket(String bucket) {
        for (S3Object object :
                admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            admin.deleteObject(b -> b.bucket(bucket).key(object.key()));
        }
        admin.deleteBucket(b -> b.bucket(bucket));
    }

    /** Every object key in the bucket and every multipart upload in progress. */
    Set<String> names(String bucket) {
        Set<String> names = new HashSet<>();
        for (S3Object object :
                admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            names.add(object.key());
        }
        names.addAll(uploadsInProgress(bucket));
        return names;
    }

    Set<String> uploadsInProgress(String bucket) {
        Set<String> uploads = new HashSet<>();
        for (MultipartUpload upload :
                admin.listMultipartUploads(b -> b.bucket(bucket)).uploads()) {
            uploads.add("upload " + upload.key() + " " + upload.uploadId());
        }
        return uploads;
    }

    /** The entity tag of an object: for a multipart upload of n parts, it ends with "-n". */
    String eTag(String bucket, String key) {
        return admin.headObject(b -> b.bucket(bucket).key(key)).eTag();
    }

    void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        admin.close();
        proxy.stop();
        context.close();
    }
}

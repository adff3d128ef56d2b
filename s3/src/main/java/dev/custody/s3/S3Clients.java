package dev.custody.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the SDK's synchronous S3 client from a configuration, with explicit HTTP and retry settings. */
final class S3Clients {
    /** Attempts per request, the first included: enough to ride out a blip, bounded for callers. */
    private static final int MAX_ATTEMPTS = 4;

    // A dead server must fail fast rather than hold a request (and its caller) for minutes.
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    // Virtual threads make many concurrent writes cheap; the pool must not be their bottleneck.
    private static final int MAX_CONNECTIONS = 128;

    private S3Clients() {}

    static S3Client create(S3BlobStoreConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.credentials().accessKeyId(), config.credentials().secretAccessKey())))
                .forcePathStyle(config.pathStyle())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .build())
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}

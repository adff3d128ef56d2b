package dev.custody.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class S3BlobStoreConfigTest {
    private static final String SECRET = "very-secret-7d2f";
    private static final S3Credentials CREDENTIALS = S3Credentials.of("key-id", SECRET);

    @ParameterizedTest
    @ValueSource(strings = {"", "blobs/", "custody/prod-1/blobs/", "a.b_c-d"})
    void keyPrefix_ofSafeCharacters_isAccepted(String prefix) {
        assertThat(config(prefix, S3BlobStoreConfig.DEFAULT_PART_SIZE).keyPrefix())
                .isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/blobs/", "../blobs/", "blobs/../other/", "..", "blobs//", "with space/", "ümlaut/", "a\\b"})
    void keyPrefix_thatCouldEscapeOrConfuse_isRejected(String prefix) {
        assertThatThrownBy(() -> config(prefix, S3BlobStoreConfig.DEFAULT_PART_SIZE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, S3BlobStoreConfig.MIN_PART_SIZE - 1, S3BlobStoreConfig.MAX_PART_SIZE + 1})
    void partSize_outsideS3sLimitsOrTheMemoryBound_isRejected(int partSize) {
        assertThatThrownBy(() -> config("", partSize)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Custody", "ab", "-bucket", "bucket_1"})
    void bucket_breakingS3sNamingRules_isRejected(String bucket) {
        assertThatThrownBy(() -> new S3BlobStoreConfig(
                        Optional.empty(),
                        "eu-central-1",
                        bucket,
                        "",
                        false,
                        CREDENTIALS,
                        S3BlobStoreConfig.MIN_PART_SIZE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpoint_withUserInfo_isRejectedWithoutEchoingIt() {
        URI endpoint = URI.create("http://user:" + SECRET + "@minio.internal:9000");

        assertThatThrownBy(() -> new S3BlobStoreConfig(
                        Optional.of(endpoint),
                        "us-east-1",
                        "custody",
                        "",
                        true,
                        CREDENTIALS,
                        S3BlobStoreConfig.MIN_PART_SIZE))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void endpoint_thatIsNotHttp_isRejected() {
        assertThatThrownBy(() -> new S3BlobStoreConfig(
                        Optional.of(URI.create("ftp://minio.internal")),
                        "us-east-1",
                        "custody",
                        "",
                        true,
                        CREDENTIALS,
                        S3BlobStoreConfig.MIN_PART_SIZE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toString_showsTheAccessKeyIdButNeverTheSecret() {
        String printed = config("blobs/", S3BlobStoreConfig.DEFAULT_PART_SIZE).toString();

        assertThat(printed).contains("key-id").doesNotContain(SECRET);
    }

    @Test
    void credentials_areEqualOnlyWithTheSameIdAndSecret() {
        assertThat(S3Credentials.of("key-id", SECRET)).isEqualTo(CREDENTIALS).hasSameHashCodeAs(CREDENTIALS);
        assertThat(S3Credentials.of("key-id", SECRET + "x")).isNotEqualTo(CREDENTIALS);
        assertThat(S3Credentials.of("other-id", SECRET)).isNotEqualTo(CREDENTIALS);
    }

    @Test
    void credentials_thatAreBlank_areRejected() {
        assertThatThrownBy(() -> S3Credentials.of("key-id", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3Credentials.of("", SECRET)).isInstanceOf(IllegalArgumentException.class);
    }

    private static S3BlobStoreConfig config(String prefix, int partSize) {
        return new S3BlobStoreConfig(
                Optional.empty(), "eu-central-1", "custody-blobs", prefix, false, CREDENTIALS, partSize);
    }
}

package dev.custody.app;

import dev.custody.keys.SecretBytes;
import dev.custody.s3.S3BlobStoreConfig;
import dev.custody.s3.S3Credentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads {@code blobs.url} and, for S3, the {@code blobs.s3.*} settings. */
final class BlobSettings {
    private BlobSettings() {}

    static BlobStoreConfig parse(Settings settings) {
        String url = settings.required(Setting.BLOBS_URL);
        if (url.startsWith("file:")) {
            return new BlobStoreConfig.Folder(settings.resolve(Setting.BLOBS_URL, ConfigFile.pathAfter("file:", url)));
        }
        if (url.startsWith("s3://")) {
            return new BlobStoreConfig.S3(s3(settings, url));
        }
        throw settings.invalid(Setting.BLOBS_URL, "must be file:FOLDER or s3://BUCKET/PREFIX");
    }

    private static S3BlobStoreConfig s3(Settings settings, String url) {
        URI location = uri(settings, Setting.BLOBS_URL, url);
        if (location.getRawAuthority() == null || location.getRawQuery() != null || location.getRawFragment() != null) {
            throw settings.invalid(Setting.BLOBS_URL, "must be s3://BUCKET/PREFIX, with no query");
        }
        String prefix = location.getPath().replaceFirst("^/", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        Optional<URI> endpoint = settings.optional(Setting.BLOBS_S3_ENDPOINT)
                .map(value -> uri(settings, Setting.BLOBS_S3_ENDPOINT, value));
        String region = settings.required(Setting.BLOBS_S3_REGION);
        boolean pathStyle = pathStyle(settings);
        String keyId = settings.required(Setting.BLOBS_S3_ACCESS_KEY_ID);
        S3Credentials credentials;
        try (SecretBytes secret = settings.requiredSecret(Setting.BLOBS_S3_SECRET_ACCESS_KEY)) {
            credentials = S3Credentials.of(keyId, new String(secret.toArray(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw settings.invalid(Setting.BLOBS_S3_ACCESS_KEY_ID, "must not be blank");
        }
        try {
            return new S3BlobStoreConfig(
                    endpoint,
                    region,
                    location.getRawAuthority(),
                    prefix,
                    pathStyle,
                    credentials,
                    S3BlobStoreConfig.DEFAULT_PART_SIZE);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(settingOf(e.getMessage()), e.getMessage());
        }
    }

    /** The setting an {@link S3BlobStoreConfig} complaint is about. */
    private static Setting settingOf(String message) {
        if (message.contains("endpoint")) {
            return Setting.BLOBS_S3_ENDPOINT;
        }
        return message.contains("region") ? Setting.BLOBS_S3_REGION : Setting.BLOBS_URL;
    }

    private static boolean pathStyle(Settings settings) {
        String value = settings.optional(Setting.BLOBS_S3_PATH_STYLE).orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw settings.invalid(Setting.BLOBS_S3_PATH_STYLE, "must be true or false");
        };
    }

    private static URI uri(Settings settings, Setting setting, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw settings.invalid(setting, "is not a valid URI");
        }
    }
}

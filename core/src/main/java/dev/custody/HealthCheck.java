package dev.custody;

import static java.util.Objects.requireNonNull;

import dev.custody.blob.BlobId;
import dev.custody.blob.BlobStore;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.KeyPurpose;
import dev.custody.store.MetadataStore;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness: whether each backend answers. Each check is a real round trip (a transaction, a wrap
 * and unwrap under the voice KEK, a blob lookup), so a key provider that is down shows here.
 */
public final class HealthCheck {
    private final MetadataStore metadata;
    private final KeyProvider keys;
    private final BlobStore blobs;

    public HealthCheck(MetadataStore metadata, KeyProvider keys, BlobStore blobs) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.blobs = requireNonNull(blobs, "blobs is null");
    }

    /** Each backend's name and whether it is ready, in a stable order. */
    public Map<String, Boolean> check() {
        Map<String, Boolean> result = new LinkedHashMap<>();
        result.put(
                "database",
                ready(() -> metadata.inReadTransaction(r -> r.settings().get("health"))));
        result.put("keys", ready(() -> {
            byte[] probe = "readiness".getBytes(StandardCharsets.UTF_8);
            var kek = keys.activeKek(KeyPurpose.VOICE);
            if (!Arrays.equals(probe, keys.unwrap(kek, keys.wrap(kek, probe, probe), probe))) {
                throw new IllegalStateException("key provider round trip failed");
            }
        }));
        result.put("blobs", ready(() -> blobs.exists(BlobId.random())));
        return result;
    }

    private static boolean ready(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

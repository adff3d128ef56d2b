package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

/** A sample ready for its shard: its WAV and JSON files and what the manifests will say of it. */
record PreparedSample(DeliveredSample described, byte[] wav, byte[] json) {
    PreparedSample {
        requireNonNull(described, "described is null");
        requireNonNull(wav, "wav is null");
        requireNonNull(json, "json is null");
    }
}

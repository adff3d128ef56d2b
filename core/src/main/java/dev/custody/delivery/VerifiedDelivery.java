package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A delivery folder that passed {@link DeliveryVerifier}: its sample keys in order (what a
 * revocation feed is checked against), its shard count and the checkpoint size it was proven at.
 */
public record VerifiedDelivery(List<String> keys, int shards, long checkpointSize) {
    public VerifiedDelivery {
        keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }
}

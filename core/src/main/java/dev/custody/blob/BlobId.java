package dev.custody.blob;

import dev.custody.Identifiers;
import java.util.Optional;

/** Names a stored object. Random, so nothing in a storage path says whose voice it is; the store chooses it, never the caller. */
public record BlobId(String value) {
    private static final String PREFIX = "blb";

    public BlobId {
        Identifiers.require(PREFIX, value, "blob id");
    }

    public static BlobId random() {
        return new BlobId(Identifiers.random(PREFIX));
    }

    /** The id a stored name spells, or empty if the name is not one a store chose. */
    public static Optional<BlobId> ofStoredName(String name) {
        return Identifiers.matches(PREFIX, name) ? Optional.of(new BlobId(name)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

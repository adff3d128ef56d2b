package dev.custody.blob;

import dev.custody.Identifiers;

/** Names a stored object. Random, so nothing in a storage path says whose voice it is; the store chooses it, never the caller. */
public record BlobId(String value) {
    private static final String PREFIX = "blb";

    public BlobId {
        Identifiers.require(PREFIX, value, "blob id");
    }

    public static BlobId random() {
        return new BlobId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}

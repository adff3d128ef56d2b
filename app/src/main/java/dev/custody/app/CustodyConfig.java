package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.keyadmin.KeySchedule;

/** The backends one Custody process uses, and how often its KEKs are rotated on their own. */
public record CustodyConfig(
        DatabaseConfig database, BlobStoreConfig blobs, KeyProviderConfig keys, KeySchedule keySchedule) {
    public CustodyConfig {
        requireNonNull(database, "database is null");
        requireNonNull(blobs, "blobs is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(keySchedule, "keySchedule is null");
    }

    /** The backends with no scheduled KEK rotation. */
    public CustodyConfig(DatabaseConfig database, BlobStoreConfig blobs, KeyProviderConfig keys) {
        this(database, blobs, keys, KeySchedule.never());
    }

    /**
     * Everything in one data folder: SQLite, a blob folder and a local keyring. No rotation unless
     * asked for: a copy of the folder carries its own keyring, which destroying a version in the
     * live one does not reach.
     */
    public static CustodyConfig embedded(DataFolder folder) {
        return new CustodyConfig(
                new DatabaseConfig.Sqlite(folder.database()),
                new BlobStoreConfig.Folder(folder.blobs()),
                new KeyProviderConfig.LocalKeyringFile(folder.keyring()));
    }

    public CustodyConfig withKeySchedule(KeySchedule schedule) {
        return new CustodyConfig(database, blobs, keys, schedule);
    }
}

package dev.custody.app;

import static java.util.Objects.requireNonNull;

/** The backends one Custody process uses. */
public record CustodyConfig(DatabaseConfig database, BlobStoreConfig blobs, KeyProviderConfig keys) {
    public CustodyConfig {
        requireNonNull(database, "database is null");
        requireNonNull(blobs, "blobs is null");
        requireNonNull(keys, "keys is null");
    }

    /** Everything in one data folder: SQLite, a blob folder and a local keyring. */
    public static CustodyConfig embedded(DataFolder folder) {
        return new CustodyConfig(
                new DatabaseConfig.Sqlite(folder.database()),
                new BlobStoreConfig.Folder(folder.blobs()),
                new KeyProviderConfig.LocalKeyringFile(folder.keyring()));
    }
}

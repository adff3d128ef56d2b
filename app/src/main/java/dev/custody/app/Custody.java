package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.HealthCheck;
import dev.custody.Services;
import dev.custody.access.BootstrapToken;
import dev.custody.audit.CheckpointIssuer;
import dev.custody.audit.LedgerService;
import dev.custody.audit.PublishedKeys;
import dev.custody.blob.BlobReaper;
import dev.custody.blob.BlobStore;
import dev.custody.blob.FileBlobStore;
import dev.custody.clip.Custodian;
import dev.custody.clip.IngestService;
import dev.custody.contributor.ContributorService;
import dev.custody.contributor.ErasureService;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.keyadmin.KeyRotationService;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.keys.SignerRole;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.project.ProjectService;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.store.MetadataStore;
import java.time.Clock;

/**
 * The composition root: opens the configured backends and wires every service to them,
 * explicitly. Closing it closes the backends in reverse order.
 */
public final class Custody implements AutoCloseable {
    private final LocalKeyring keyProvider;
    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final Services services;
    private final CheckpointIssuer checkpoints;

    private Custody(LocalKeyring keyProvider, MetadataStore metadata, BlobStore blobs, Clock clock) {
        this.keyProvider = keyProvider;
        this.metadata = metadata;
        this.blobs = blobs;
        var contributorKeys = new ContributorKeys(keyProvider);
        var checkpointSigners = checkpointSigners(keyProvider);
        var receiptSigner = keyProvider.signer(SignerRole.RECEIPTS);
        this.checkpoints = new CheckpointIssuer(metadata, checkpointSigners);
        this.services = new Services(
                new ProjectService(metadata, clock),
                new ContributorService(metadata, contributorKeys, new IdentityCipher(keyProvider), clock),
                new IngestService(
                        metadata, blobs, contributorKeys, new ReceiptSigner(receiptSigner), checkpoints, clock),
                new Custodian(metadata, blobs, contributorKeys, clock),
                new ErasureService(metadata, clock),
                new BlobReaper(metadata, blobs),
                new BootstrapToken(metadata, clock),
                new LedgerService(
                        metadata, checkpoints, new PublishedKeys(checkpointSigners.keys(), receiptSigner.publicKey())),
                new HealthCheck(metadata, keyProvider, blobs),
                new KeyRotationService(metadata, keyProvider, clock));
    }

    /** The ledger's origin names this installation's log: one keyring, one log. */
    private static CheckpointSigners checkpointSigners(LocalKeyring keyring) {
        return new CheckpointSigners(
                "custody/ledger/" + keyring.keyringId(),
                keyring.signer(SignerRole.LEDGER_ED25519),
                keyring.signer(SignerRole.LEDGER_ML_DSA));
    }

    /** Opens every backend of {@code config}; the keyring must exist (see {@link Installation}). */
    public static Custody open(CustodyConfig config, SecretBytes passphrase, Clock clock) {
        requireNonNull(config, "config is null");
        requireNonNull(passphrase, "passphrase is null");
        LocalKeyring keys = openKeys(config.keys(), passphrase);
        MetadataStore metadata = null;
        try {
            metadata = openDatabase(config.database());
            return new Custody(keys, metadata, openBlobs(config.blobs()), clock);
        } catch (RuntimeException e) {
            if (metadata != null) {
                metadata.close();
            }
            keys.close();
            throw e;
        }
    }

    public Services services() {
        return services;
    }

    private static LocalKeyring openKeys(KeyProviderConfig config, SecretBytes passphrase) {
        return switch (config) {
            case KeyProviderConfig.LocalKeyringFile local -> LocalKeyring.open(local.file(), passphrase);
        };
    }

    private static MetadataStore openDatabase(DatabaseConfig config) {
        return switch (config) {
            case DatabaseConfig.Sqlite sqlite -> JdbcMetadataStore.openSqlite(sqlite.file());
            case DatabaseConfig.Postgres postgres ->
                JdbcMetadataStore.openPostgres(postgres.jdbcUrl(), postgres.user(), postgres.password());
        };
    }

    private static BlobStore openBlobs(BlobStoreConfig config) {
        return switch (config) {
            case BlobStoreConfig.Folder folder -> FileBlobStore.open(folder.root());
        };
    }

    @Override
    public void close() {
        checkpoints.close();
        metadata.close();
        keyProvider.close();
    }

    /** Exposed for the tests and benchmarks that inspect what is stored. */
    public BlobStore blobStore() {
        return blobs;
    }

    public MetadataStore metadataStore() {
        return metadata;
    }
}

package dev.custody.app;

import static java.util.Objects.requireNonNull;

import dev.custody.HealthCheck;
import dev.custody.Services;
import dev.custody.access.AccessTokens;
import dev.custody.access.AccountService;
import dev.custody.access.BootstrapToken;
import dev.custody.access.ContributorLinks;
import dev.custody.access.ContributorSignUp;
import dev.custody.access.SignIn;
import dev.custody.access.Tenancy;
import dev.custody.audit.CheckpointIssuer;
import dev.custody.audit.IntegrityAlarm;
import dev.custody.audit.LedgerService;
import dev.custody.audit.PublishedKeys;
import dev.custody.audit.ReceiptProofs;
import dev.custody.blob.BlobReaper;
import dev.custody.blob.BlobStore;
import dev.custody.blob.FileBlobStore;
import dev.custody.blob.OrphanBlobSweep;
import dev.custody.clip.ClipReceipts;
import dev.custody.clip.Custodian;
import dev.custody.clip.IngestService;
import dev.custody.compliance.RecordsOfProcessingService;
import dev.custody.consent.ConsentService;
import dev.custody.consent.SignerNames;
import dev.custody.consent.WithdrawalService;
import dev.custody.contributor.ContributorService;
import dev.custody.contributor.ErasureService;
import dev.custody.delivery.DeliveryWriter;
import dev.custody.delivery.LedgerDeliveryProofs;
import dev.custody.egress.CanarySeeder;
import dev.custody.egress.EgressGuard;
import dev.custody.egress.EgressLimits;
import dev.custody.egress.SuspensionAlert;
import dev.custody.egress.Suspensions;
import dev.custody.grant.GrantKeys;
import dev.custody.grant.GrantService;
import dev.custody.grant.RevocationFeed;
import dev.custody.jdbc.JdbcJobLock;
import dev.custody.jdbc.JdbcMetadataStore;
import dev.custody.keyadmin.KeyRotationService;
import dev.custody.keyadmin.KeySchedule;
import dev.custody.keys.ContributorKeys;
import dev.custody.keys.IdentityCipher;
import dev.custody.keys.KeyProvider;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.keys.SignerRole;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.payout.PayoutService;
import dev.custody.project.ProjectService;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.retention.RetentionService;
import dev.custody.review.ReviewService;
import dev.custody.review.ReviewerAssignments;
import dev.custody.rights.ContributorRights;
import dev.custody.s3.S3BlobStore;
import dev.custody.store.JobLock;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: opens the configured backends and wires every service to them,
 * explicitly. Closing it closes the backends in reverse order.
 */
public final class Custody implements AutoCloseable {
    private final OpenedKeys keys;
    private final JdbcMetadataStore metadata;
    private final BlobStore blobs;
    private final Services services;
    private final CheckpointIssuer checkpoints;
    private final CheckpointSigners checkpointSigners;
    private final Clock clock;

    private Custody(
            OpenedKeys keys,
            JdbcMetadataStore metadata,
            BlobStore blobs,
            KeySchedule keySchedule,
            Map<String, String> env,
            Clock clock) {
        this.keys = keys;
        this.metadata = metadata;
        this.blobs = blobs;
        KeyProvider keyProvider = keys.kekProvider();
        var contributorKeys = new ContributorKeys(keyProvider);
        // Signing keys live in the local keyring, beside an HSM too (see OpenedKeys).
        this.checkpointSigners = checkpointSigners(keys.signingKeys());
        this.clock = clock;
        var receiptSigner = keys.signingKeys().signer(SignerRole.RECEIPTS);
        this.checkpoints = new CheckpointIssuer(metadata, checkpointSigners);
        var bootstrapToken = new BootstrapToken(metadata, clock);
        var identities = new IdentityCipher(keyProvider);
        var contributorLinks = new ContributorLinks(keyProvider);
        var tokens = new AccessTokens(metadata, bootstrapToken, contributorLinks, clock);
        var signedReceipts = new ReceiptSigner(receiptSigner);
        var tenancy = new Tenancy(metadata, clock);
        var integrity = new IntegrityAlarm(metadata, clock);
        var suspensions = new Suspensions(metadata, SuspensionAlert.fromEnvironment(env), clock);
        var custodian = new Custodian(
                metadata,
                blobs,
                contributorKeys,
                tenancy,
                integrity,
                new EgressGuard(EgressLimits.fromEnvironment(env), suspensions),
                clock);
        var payouts = new PayoutService(metadata, clock);
        var erasure = new ErasureService(metadata, new BlobReaper(metadata, blobs), clock);
        var grantKeys = new GrantKeys(metadata, keyProvider);
        var grantService = new GrantService(metadata, grantKeys, tenancy, clock);
        var contributors = new ContributorService(metadata, contributorKeys, identities, clock);
        var consent = new ConsentService(
                metadata,
                new SignerNames(keyProvider),
                signedReceipts,
                new ReceiptProofs(metadata, checkpoints),
                clock);
        var ingest = new IngestService(metadata, blobs, contributorKeys, signedReceipts, checkpoints, clock);
        this.services = new Services(
                new ProjectService(metadata, clock),
                contributors,
                ingest,
                custodian,
                erasure,
                new OrphanBlobSweep(
                        metadata, blobs, OrphanBlobSweep.DEFAULT_GRACE, OrphanBlobSweep.DEFAULT_MAX_ORPHANS, clock),
                bootstrapToken,
                new LedgerService(
                        metadata, checkpoints, new PublishedKeys(checkpointSigners.keys(), receiptSigner.publicKey())),
                new HealthCheck(metadata, keyProvider, blobs),
                new KeyRotationService(metadata, keyProvider, keySchedule, clock),
                new AccountService(metadata, keyProvider, AccountService.PASSWORD_HASHING, clock),
                new SignIn(metadata, keyProvider, tokens, AccountService.PASSWORD_HASHING, clock),
                tokens,
                tenancy,
                new ContributorSignUp(
                        metadata,
                        contributorKeys,
                        identities,
                        contributorLinks,
                        AccountService.PASSWORD_HASHING,
                        clock),
                new ReviewerAssignments(metadata, clock),
                new ReviewService(metadata, clock),
                payouts,
                new ContributorRights(
                        metadata, custodian, new ClipReceipts(metadata, checkpoints, signedReceipts), payouts),
                consent,
                new WithdrawalService(erasure, clock),
                new RetentionService(erasure, clock),
                new RecordsOfProcessingService(metadata, keyProvider, checkpointSigners.origin(), clock),
                integrity,
                grantService,
                grantKeys,
                new RevocationFeed(metadata, grantService, grantKeys, checkpointSigners, clock),
                suspensions,
                new CanarySeeder(metadata, contributors, consent, ingest));
    }

    /** The ledger's origin names this installation's log: one keyring, one log. */
    private static CheckpointSigners checkpointSigners(LocalKeyring keyring) {
        return new CheckpointSigners(
                "custody/ledger/" + keyring.keyringId(),
                keyring.signer(SignerRole.LEDGER_ED25519),
                keyring.signer(SignerRole.LEDGER_ML_DSA));
    }

    /**
     * Opens every backend of {@code config}; the keyring (holding the KEKs, or beside an HSM the
     * signing keys) must exist and open with {@code passphrase} (see {@link Installation}).
     */
    public static Custody open(CustodyConfig config, SecretBytes passphrase, Clock clock) {
        return open(config, passphrase, Map.of(), clock);
    }

    /**
     * As {@link #open(CustodyConfig, SecretBytes, Clock)}, with the egress budgets and the alert
     * webhook taken from {@code env} (see {@link EgressLimits} and {@link SuspensionAlert}).
     */
    public static Custody open(CustodyConfig config, SecretBytes passphrase, Map<String, String> env, Clock clock) {
        requireNonNull(config, "config is null");
        requireNonNull(env, "env is null");
        requireNonNull(passphrase, "passphrase is null");
        OpenedKeys keys = openKeys(config.keys(), passphrase);
        JdbcMetadataStore metadata = null;
        try {
            metadata = openDatabase(config.database());
            return new Custody(keys, metadata, openBlobs(config.blobs()), config.keySchedule(), env, clock);
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

    /**
     * Writes deliveries signed with the ledger's keys, each clip's ingest entry proven against this
     * installation's ledger (see {@link DeliveryWriter}).
     */
    public DeliveryWriter deliveryWriter(long shardBytes, int parallelism) {
        return new DeliveryWriter(
                new LedgerDeliveryProofs(metadata, checkpoints), checkpointSigners, shardBytes, parallelism, clock);
    }

    /** Makes background jobs run on one node at a time across every node sharing the database. */
    public JobLock jobLock() {
        return JdbcJobLock.of(metadata);
    }

    private static OpenedKeys openKeys(KeyProviderConfig config, SecretBytes passphrase) {
        return switch (config) {
            case KeyProviderConfig.LocalKeyringFile local -> OpenedKeys.local(local.file(), passphrase);
            case KeyProviderConfig.Pkcs11 pkcs11 ->
                OpenedKeys.pkcs11(pkcs11.token(), pkcs11.signingKeyring(), passphrase);
        };
    }

    private static JdbcMetadataStore openDatabase(DatabaseConfig config) {
        return switch (config) {
            case DatabaseConfig.Sqlite sqlite -> JdbcMetadataStore.openSqlite(sqlite.file());
            case DatabaseConfig.Postgres postgres ->
                JdbcMetadataStore.openPostgres(postgres.jdbcUrl(), postgres.user(), postgres.password());
        };
    }

    private static BlobStore openBlobs(BlobStoreConfig config) {
        return switch (config) {
            case BlobStoreConfig.Folder folder -> FileBlobStore.open(folder.root());
            case BlobStoreConfig.S3 s3 -> S3BlobStore.open(s3.store());
        };
    }

    @Override
    public void close() {
        try {
            checkpoints.close();
            if (blobs instanceof S3BlobStore s3) {
                s3.close();
            }
            metadata.close();
        } finally {
            keys.close();
        }
    }

    /** Exposed for the tests and benchmarks that inspect what is stored. */
    public BlobStore blobStore() {
        return blobs;
    }

    public MetadataStore metadataStore() {
        return metadata;
    }
}

package dev.custody.jdbc;

import static java.util.Objects.requireNonNull;

import dev.custody.jdbc.ledger.JdbcLedgerStore;
import dev.custody.ledger.Ledger;
import dev.custody.store.AccessTokenRepository;
import dev.custody.store.AccountRepository;
import dev.custody.store.BlobDeletionQueue;
import dev.custody.store.ClipRepository;
import dev.custody.store.ConsentRepository;
import dev.custody.store.ConsentTermsRepository;
import dev.custody.store.ContributorRepository;
import dev.custody.store.EgressRepository;
import dev.custody.store.GrantRepository;
import dev.custody.store.IntegrityFailureRepository;
import dev.custody.store.OrganizationRepository;
import dev.custody.store.PayoutRepository;
import dev.custody.store.ProjectRepository;
import dev.custody.store.Repositories;
import dev.custody.store.ReviewRepository;
import dev.custody.store.SettingsRepository;
import dev.custody.store.SignInFailureRepository;
import dev.custody.store.SuspensionRepository;
import dev.custody.store.WrappedKeyRepository;
import org.jdbi.v3.core.Handle;

/**
 * The repositories of one transaction, all on the same Jdbi {@link Handle}. Valid only inside the
 * work it was passed to. The handle is exposed so that other storage (the ledger) can write in the
 * same transaction; it must not be committed, rolled back or closed by that code.
 */
public final class JdbcRepositories implements Repositories {
    private final Handle handle;
    private final Dialect dialect;

    private JdbcRepositories(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    public static JdbcRepositories of(Handle handle, Dialect dialect) {
        return new JdbcRepositories(
                requireNonNull(handle, "handle is null"), requireNonNull(dialect, "dialect is null"));
    }

    public Handle handle() {
        return handle;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public OrganizationRepository organizations() {
        return new JdbcOrganizationRepository(handle);
    }

    @Override
    public ProjectRepository projects() {
        return new JdbcProjectRepository(handle);
    }

    @Override
    public ContributorRepository contributors() {
        return new JdbcContributorRepository(handle);
    }

    @Override
    public ConsentRepository consents() {
        return new JdbcConsentRepository(handle, dialect);
    }

    @Override
    public ConsentTermsRepository consentTerms() {
        return new JdbcConsentTermsRepository(handle);
    }

    @Override
    public ClipRepository clips() {
        return new JdbcClipRepository(handle);
    }

    @Override
    public BlobDeletionQueue blobDeletions() {
        return new JdbcBlobDeletionQueue(handle);
    }

    @Override
    public SettingsRepository settings() {
        return new JdbcSettingsRepository(handle);
    }

    @Override
    public WrappedKeyRepository wrappedKeys() {
        return new JdbcWrappedKeyRepository(handle);
    }

    @Override
    public AccountRepository accounts() {
        return new JdbcAccountRepository(handle);
    }

    @Override
    public AccessTokenRepository accessTokens() {
        return new JdbcAccessTokenRepository(handle);
    }

    @Override
    public SignInFailureRepository signInFailures() {
        return new JdbcSignInFailureRepository(handle);
    }

    @Override
    public ReviewRepository reviews() {
        return new JdbcReviewRepository(handle);
    }

    @Override
    public PayoutRepository payouts() {
        return new JdbcPayoutRepository(handle);
    }

    @Override
    public IntegrityFailureRepository integrityFailures() {
        return new JdbcIntegrityFailureRepository(handle);
    }

    @Override
    public EgressRepository egress() {
        return new JdbcEgressRepository(handle);
    }

    @Override
    public SuspensionRepository suspensions() {
        return new JdbcSuspensionRepository(handle);
    }

    @Override
    public GrantRepository grants() {
        return new JdbcGrantRepository(handle);
    }

    @Override
    public Ledger ledger() {
        return Ledger.over(ledgerStore());
    }

    JdbcLedgerStore ledgerStore() {
        return switch (dialect) {
            case SQLITE -> JdbcLedgerStore.sqlite(handle);
            case POSTGRESQL -> JdbcLedgerStore.postgres(handle);
        };
    }
}

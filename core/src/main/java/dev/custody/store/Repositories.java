package dev.custody.store;

import dev.custody.ledger.Ledger;

/** The repositories of one transaction. Valid only inside the work it was passed to. */
public interface Repositories {
    OrganizationRepository organizations();

    ProjectRepository projects();

    ContributorRepository contributors();

    ConsentRepository consents();

    ConsentTermsRepository consentTerms();

    ClipRepository clips();

    BlobDeletionQueue blobDeletions();

    SettingsRepository settings();

    WrappedKeyRepository wrappedKeys();

    AccountRepository accounts();

    AccessTokenRepository accessTokens();

    SignInFailureRepository signInFailures();

    ReviewRepository reviews();

    PayoutRepository payouts();

    IntegrityFailureRepository integrityFailures();

    GrantRepository grants();

    EgressRepository egress();

    SuspensionRepository suspensions();

    /** The verifiable ledger, appending in this same transaction: no entry, no change. */
    Ledger ledger();
}

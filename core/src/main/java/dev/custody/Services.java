package dev.custody;

import static java.util.Objects.requireNonNull;

import dev.custody.access.AccessTokens;
import dev.custody.access.AccountService;
import dev.custody.access.BootstrapToken;
import dev.custody.access.ContributorSignUp;
import dev.custody.access.SignIn;
import dev.custody.access.Tenancy;
import dev.custody.audit.IntegrityAlarm;
import dev.custody.audit.LedgerService;
import dev.custody.blob.OrphanBlobSweep;
import dev.custody.clip.Custodian;
import dev.custody.clip.IngestService;
import dev.custody.compliance.RecordsOfProcessingService;
import dev.custody.consent.ConsentService;
import dev.custody.consent.WithdrawalService;
import dev.custody.contributor.ContributorService;
import dev.custody.contributor.ErasureService;
import dev.custody.egress.CanarySeeder;
import dev.custody.egress.Suspensions;
import dev.custody.grant.GrantKeys;
import dev.custody.grant.GrantService;
import dev.custody.grant.RevocationFeed;
import dev.custody.keyadmin.KeyRotationService;
import dev.custody.payout.PayoutService;
import dev.custody.project.ProjectService;
import dev.custody.retention.RetentionService;
import dev.custody.review.ReviewService;
import dev.custody.review.ReviewerAssignments;
import dev.custody.rights.ContributorRights;

/** The application services that the HTTP API and the CLI call. */
public record Services(
        ProjectService projects,
        ContributorService contributors,
        IngestService ingest,
        Custodian custodian,
        ErasureService erasure,
        OrphanBlobSweep orphans,
        BootstrapToken bootstrapToken,
        LedgerService ledger,
        HealthCheck health,
        KeyRotationService keys,
        AccountService accounts,
        SignIn signIn,
        AccessTokens tokens,
        Tenancy tenancy,
        ContributorSignUp signUp,
        ReviewerAssignments reviewers,
        ReviewService reviews,
        PayoutService payouts,
        ContributorRights rights,
        ConsentService consent,
        WithdrawalService withdrawal,
        RetentionService retention,
        RecordsOfProcessingService recordsOfProcessing,
        IntegrityAlarm integrity,
        GrantService grants,
        GrantKeys grantKeys,
        RevocationFeed revocations,
        Suspensions suspensions,
        CanarySeeder canaries) {
    public Services {
        requireNonNull(projects, "projects is null");
        requireNonNull(contributors, "contributors is null");
        requireNonNull(ingest, "ingest is null");
        requireNonNull(custodian, "custodian is null");
        requireNonNull(erasure, "erasure is null");
        requireNonNull(orphans, "orphans is null");
        requireNonNull(bootstrapToken, "bootstrapToken is null");
        requireNonNull(ledger, "ledger is null");
        requireNonNull(health, "health is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(accounts, "accounts is null");
        requireNonNull(signIn, "signIn is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(tenancy, "tenancy is null");
        requireNonNull(signUp, "signUp is null");
        requireNonNull(reviewers, "reviewers is null");
        requireNonNull(reviews, "reviews is null");
        requireNonNull(payouts, "payouts is null");
        requireNonNull(rights, "rights is null");
        requireNonNull(consent, "consent is null");
        requireNonNull(withdrawal, "withdrawal is null");
        requireNonNull(retention, "retention is null");
        requireNonNull(recordsOfProcessing, "recordsOfProcessing is null");
        requireNonNull(integrity, "integrity is null");
        requireNonNull(grants, "grants is null");
        requireNonNull(grantKeys, "grantKeys is null");
        requireNonNull(revocations, "revocations is null");
        requireNonNull(suspensions, "suspensions is null");
        requireNonNull(canaries, "canaries is null");
    }
}

package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.audit.ReceiptProofs;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.ConsentRecord;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import dev.custody.receipt.ReceiptSigner;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Consent terms and the consent act. A client-admin publishes a new version of a project's terms
 * (the project then requires it: contributors must consent again before recording); whoever may
 * read a project reads its terms. A contributor consents, themselves only, to the current version
 * by its hash, with their typed name sealed under the IDENTITY KEK; the consent is logged ({@code
 * ConsentGiven}) in the same transaction and answered with a signed receipt that verifies offline.
 * Fails {@code FORBIDDEN}, {@code NOT_FOUND}, {@code CONFLICT} (terms not current, already
 * consented), {@code ERASED} or {@code INVALID_INPUT}, changing nothing.
 */
public final class ConsentService {
    /** Staff who may record a consent collected on paper, with its evidence. */
    private static final Set<Role> MAY_RECORD_PAPER = Set.of(Role.BOOTSTRAP_ADMIN);

    private static final Set<Role> MAY_PUBLISH = Set.of(Role.CLIENT_ADMIN, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> MAY_READ_TERMS =
            Set.of(Role.CONTRIBUTOR, Role.CLIENT_ADMIN, Role.DATA_CONSUMER, Role.REVIEWER, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final SignerNames signerNames;
    private final ConsentReceipts receipts;
    private final Clock clock;

    public ConsentService(
            MetadataStore metadata,
            SignerNames signerNames,
            ReceiptSigner receiptSigner,
            ReceiptProofs proofs,
            Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.signerNames = requireNonNull(signerNames, "signerNames is null");
        this.receipts = new ConsentReceipts(
                metadata,
                requireNonNull(receiptSigner, "receiptSigner is null"),
                requireNonNull(proofs, "proofs is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Publishes the draft as the project's next terms version, which the project then requires. */
    public ConsentTerms publish(Principal caller, ProjectId projectId, TermsDraft draft) {
        caller.require(MAY_PUBLISH, "publish consent terms");
        requireNonNull(draft, "draft is null");
        Instant now = now();
        return metadata.inTransaction(repositories -> {
            Project project = project(repositories, caller, projectId, "publish consent terms");
            var terms = ConsentTerms.of(project, project.consentTermsVersion() + 1, draft, now);
            if (!repositories
                    .projects()
                    .updateConsentTermsVersion(project.id(), project.consentTermsVersion(), terms.version())) {
                throw new CustodyException(ErrorCode.CONFLICT, "the terms changed meanwhile; read them and try again");
            }
            TermsPublication.store(repositories, terms, caller, now);
            return terms;
        });
    }

    /** The terms the project currently requires. */
    public ConsentTerms currentTerms(Principal caller, ProjectId projectId) {
        caller.require(MAY_READ_TERMS, "read consent terms");
        return metadata.inReadTransaction(repositories -> {
            requireVisible(repositories, caller, projectId, "read consent terms");
            return terms(repositories, projectId, currentVersion(repositories, projectId));
        });
    }

    /** One version of the project's terms, current or earlier. */
    public ConsentTerms terms(Principal caller, ProjectId projectId, int version) {
        caller.require(MAY_READ_TERMS, "read consent terms");
        return metadata.inReadTransaction(repositories -> {
            requireVisible(repositories, caller, projectId, "read consent terms");
            return terms(repositories, projectId, version);
        });
    }

    /** The caller, a contributor, consents to the project's current terms; returns the signed receipt. */
    public SignedConsentReceipt consent(Principal caller, ConsentAct act) {
        Pseudonym self = caller.requireContributor("give consent");
        requireNonNull(act, "act is null");
        ConsentId id = ConsentId.random();
        var sealedName = signerNames.seal(id, self, act.typedName());
        Instant now = now();
        ConsentRecording.Given given = metadata.inTransaction(repositories -> {
            ConsentRecording.requireActive(repositories, self);
            ConsentTerms current = terms(repositories, act.project(), currentVersion(repositories, act.project()));
            Bytes currentHash = current.sha256();
            if (act.termsVersion() != current.version() || !act.termsHash().equals(currentHash)) {
                throw new CustodyException(
                        ErrorCode.CONFLICT,
                        "these are not the current terms: version " + current.version() + " is, with SHA-256 "
                                + currentHash.hex());
            }
            requireNotConsented(repositories, self, current, "you have already consented to these terms");
            return ConsentRecording.give(
                    repositories, caller, self, current, id, Optional.of(sealedName), Optional.empty(), now);
        });
        return receipts.issue(given.record(), given.entry());
    }

    /**
     * Staff record a consent the contributor gave on a signed paper form, with its evidence: the
     * current terms by version and hash (anything else is {@code INVALID_INPUT}), the scanned form's
     * SHA-256 (logged, {@code PaperConsentRecorded}) and the witness's name (sealed under the
     * IDENTITY KEK like a typed name, never logged). The consent is marked as recorded by staff
     * wherever it shows. Returns its signed receipt, which carries the mark too.
     */
    public SignedConsentReceipt recordPaperConsent(Principal caller, Pseudonym contributor, PaperConsent paper) {
        caller.require(MAY_RECORD_PAPER, "record consent from a paper form");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(paper, "paper is null");
        ConsentId id = ConsentId.random();
        var sealedWitness = signerNames.seal(id, contributor, paper.witnessName());
        Instant now = now();
        ConsentRecording.Given given = metadata.inTransaction(repositories -> {
            ConsentRecording.requireActive(repositories, contributor);
            ConsentTerms current = terms(repositories, paper.project(), currentVersion(repositories, paper.project()));
            if (paper.termsVersion() != current.version()
                    || !paper.termsSha256().equals(current.sha256())) {
                throw CustodyException.invalidInput(
                        "the form's terms are not the project's current terms: version " + current.version()
                                + " is, with SHA-256 " + current.sha256().hex());
            }
            requireNotConsented(
                    repositories, contributor, current, "the contributor has already consented to these terms");
            return ConsentRecording.give(
                    repositories,
                    caller,
                    contributor,
                    current,
                    id,
                    Optional.of(sealedWitness),
                    Optional.of(paper.formSha256()),
                    now);
        });
        return receipts.issue(given.record(), given.entry());
    }

    /** The caller's own consents, newest first, each with its signed receipt. */
    public List<MyConsent> consents(Principal caller) {
        Pseudonym self = caller.requireContributor("list consents");
        List<ConsentRecord> records =
                metadata.inReadTransaction(r -> r.consents().byContributor(self));
        return records.stream()
                .map(record -> new MyConsent(record, receipts.reissue(record)))
                .toList();
    }

    private static void requireNotConsented(
            Repositories repositories, Pseudonym contributor, ConsentTerms current, String message) {
        if (repositories
                .consents()
                .latest(contributor, current.project())
                .filter(c -> c.active() && c.termsVersion() == current.version())
                .isPresent()) {
            throw new CustodyException(ErrorCode.CONFLICT, message);
        }
    }

    private static Project project(Repositories repositories, Principal caller, ProjectId id, String action) {
        Project project =
                repositories.projects().find(id).orElseThrow(() -> CustodyException.notFound("no such project"));
        caller.requireOwnOrganization(project.organization(), action);
        return project;
    }

    // Reading and giving consent happen once per contributor and project, on projects that may
    // have 100,000 prompts: these read only the owner and the version, never the prompts.
    private static void requireVisible(Repositories repositories, Principal caller, ProjectId id, String action) {
        OrganizationId owner =
                repositories.projects().owner(id).orElseThrow(() -> CustodyException.notFound("no such project"));
        caller.requireOwnOrganization(owner, action);
    }

    private static int currentVersion(Repositories repositories, ProjectId id) {
        return repositories
                .projects()
                .consentTermsVersion(id)
                .orElseThrow(() -> CustodyException.notFound("no such project"));
    }

    private static ConsentTerms terms(Repositories repositories, ProjectId project, int version) {
        return repositories
                .consentTerms()
                .find(project, version)
                .orElseThrow(() -> CustodyException.notFound("no such version of the project's terms"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

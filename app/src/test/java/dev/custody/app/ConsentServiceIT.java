package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.AccountId;
import dev.custody.access.ClientAddress;
import dev.custody.access.Principal;
import dev.custody.access.Username;
import dev.custody.audit.ReceiptCheck;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.consent.ConsentAct;
import dev.custody.consent.ConsentRight;
import dev.custody.consent.ConsentTerms;
import dev.custody.consent.LegalBasis;
import dev.custody.consent.SignerNames;
import dev.custody.consent.TermsDraft;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.KekId;
import dev.custody.keys.KeyPurpose;
import dev.custody.keys.LocalKeyring;
import dev.custody.keys.SecretBytes;
import dev.custody.ledger.Action;
import dev.custody.ledger.ClipRejected;
import dev.custody.ledger.ConsentGiven;
import dev.custody.ledger.ConsentTermsPublished;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Project;
import dev.custody.receipt.SignedConsentReceipt;
import dev.custody.store.MetadataStore;
import dev.custody.testkit.ProjectPlans;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent terms, the consent act, withdrawal and account deletion, on a real embedded installation. */
class ConsentServiceIT {
    private static final ClientAddress LOCAL = new ClientAddress("127.0.0.1");

    private static final String PASSWORD = "a long walk by the river";

    @TempDir
    Path temp;

    SpineFixture fixture;
    Services services;
    Project project;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"));
        services = fixture.services;
        project = fixture.project;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void projectCreation_publishesVersionOne_andLogsItsHash() {
        ConsentTerms terms = services.consent().currentTerms(ADMIN, project.id());

        assertThat(terms.version()).isEqualTo(1);
        assertThat(terms.purposes()).isEqualTo(project.purposes());
        assertThat(terms.retention()).isEqualTo(project.retention());
        assertThat(terms.recipients()).containsExactly("Acme Speech");
        assertThat(terms.text()).contains("Read-aloud", "withdraw");
        assertThat(ledger())
                .anySatisfy(
                        entry -> assertThat(entry.records(new ConsentTermsPublished(project.id(), 1, terms.sha256())))
                                .isTrue());
    }

    @Test
    void consent_isLogged_withTheDocumentsHash_andItsReceiptVerifiesOffline() {
        var dana = signUp("dana");
        ConsentTerms terms = services.consent().currentTerms(dana, project.id());

        SignedConsentReceipt receipt = services.consent().consent(dana, act(terms, "Dana Example"));

        var consent = receipt.receipt();
        assertThat(consent.termsSha256()).isEqualTo(terms.sha256());
        LedgerEntry entry = ReceiptCheck.verify(
                SignedConsentReceipt.parse(receipt.toText()), services.ledger().keys());
        assertThat(entry.records(new ConsentGiven(self(dana), project.id(), consent.consent(), 1, terms.sha256())))
                .isTrue();
        assertThat(entry.actor().id()).isEqualTo(self(dana).value());
        // The typed name is stored sealed: not in the clear, and it opens to what was typed.
        var sealed = metadata()
                .inTransaction(r -> r.wrappedKeys()
                        .signerNamesUnder(
                                r.wrappedKeys()
                                        .countByKek(KeyPurpose.IDENTITY)
                                        .keySet()
                                        .iterator()
                                        .next(),
                                100));
        assertThat(sealed).anySatisfy(row -> {
            assertThat(row.consent()).isEqualTo(consent.consent());
            assertThat(new String(row.name().ciphertext().toArray(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Dana");
        });
        assertThat(fixture.ingest(self(dana), SpineFixture.speech(1), dana)
                        .clip()
                        .contributor())
                .isEqualTo(self(dana));
    }

    @Test
    void newTerms_requireFreshConsent_beforeNewRecording() {
        var dana = signUp("dana");
        ConsentTerms first = services.consent().currentTerms(dana, project.id());
        services.consent().consent(dana, act(first, "Dana Example"));

        ConsentTerms second = services.consent().publish(ADMIN, project.id(), draft("Now also for research? No."));

        assertThat(second.version()).isEqualTo(2);
        assertThat(services.projects().project(ADMIN, project.id()).consentTermsVersion())
                .isEqualTo(2);
        assertThat(services.consent().terms(dana, project.id(), 1)).isEqualTo(first);
        assertCode(() -> fixture.ingest(self(dana), SpineFixture.speech(2), dana), ErrorCode.CONSENT_REQUIRED);
        assertCode(() -> services.consent().consent(dana, act(first, "Dana Example")), ErrorCode.CONFLICT);
        var forged = new ConsentAct(project.id(), 2, first.sha256(), "Dana Example", true);
        assertCode(() -> services.consent().consent(dana, forged), ErrorCode.CONFLICT);
        services.consent().consent(dana, act(second, "Dana Example"));
        assertCode(() -> services.consent().consent(dana, act(second, "Dana Example")), ErrorCode.CONFLICT);
        assertThat(fixture.ingest(self(dana), SpineFixture.speech(2), dana)
                        .receipt()
                        .receipt()
                        .consentTermsVersion())
                .isEqualTo(2);
    }

    @Test
    void onlyTheOwningOrganizationsClientAdmin_publishes() {
        var otherOrg = services.projects().createOrganization(ADMIN, "Globex");
        var outsider = Principal.of("usr_outsider", dev.custody.access.Role.CLIENT_ADMIN, Optional.of(otherOrg.id()));
        var owner =
                Principal.of("usr_owner", dev.custody.access.Role.CLIENT_ADMIN, Optional.of(project.organization()));

        assertCode(() -> services.consent().publish(outsider, project.id(), draft("Mine now.")), ErrorCode.FORBIDDEN);
        assertCode(() -> services.consent().publish(signUp("dana"), project.id(), draft("x")), ErrorCode.FORBIDDEN);
        assertThat(services.consent()
                        .publish(owner, project.id(), draft("Ours."))
                        .version())
                .isEqualTo(2);
    }

    @Test
    void aContributor_recordsAsThemselvesOnly() {
        var dana = signUp("dana");
        var sam = signUp("sam");
        services.consent().consent(sam, act(services.consent().currentTerms(sam, project.id()), "Sam Example"));

        assertCode(() -> fixture.ingest(self(sam), SpineFixture.speech(3), dana), ErrorCode.FORBIDDEN);
    }

    @Test
    void withdrawingForAProject_erasesItsClips_whichAreNeverDeliveredAgain_andKeepsTheOthers() throws IOException {
        var dana = signUp("dana");
        services.consent().consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Example"));
        Project other = secondProject();
        services.consent().consent(dana, act(services.consent().currentTerms(dana, other.id()), "Dana Example"));
        ClipId first =
                fixture.ingest(self(dana), SpineFixture.speech(4), dana).clip().id();
        ClipId second =
                fixture.ingest(self(dana), SpineFixture.speech(5), dana).clip().id();
        ClipId kept = services.ingest()
                .ingest(dana, new IngestRequest(other.id(), self(dana), 0), stream(SpineFixture.speech(6)))
                .clip()
                .id();
        long before = ledgerSize();

        var withdrawal = services.withdrawal().withdraw(dana, project.id());

        assertThat(withdrawal.erasedClips()).isEqualTo(2);
        assertThat(withdrawal.withdrawn())
                .singleElement()
                .satisfies(c -> assertThat(c.active()).isFalse());
        assertCode(() -> services.custodian().open(ADMIN, first, "review"), ErrorCode.ERASED);
        assertCode(() -> services.custodian().open(ADMIN, second, "review"), ErrorCode.ERASED);
        assertThat(services.custodian().open(ADMIN, kept, "review").bytes()).isEqualTo(SpineFixture.speech(6));
        assertThat(ledger().subList((int) before, (int) ledgerSize()))
                .extracting(LedgerEntry::action)
                .as("the erased clips were never opened: only the kept one was")
                .containsExactly(
                        Action.CONSENT_WITHDRAWN,
                        Action.CLIP_ERASED,
                        Action.CLIP_ERASED,
                        Action.CLIP_OPENED,
                        Action.CLIP_OPEN_ENDED);
        assertThat(blobFiles()).hasSize(1);
        assertCode(() -> fixture.ingest(self(dana), SpineFixture.speech(7), dana), ErrorCode.CONSENT_REQUIRED);
        assertCode(() -> services.withdrawal().withdraw(dana, project.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void consentWithdrawnMidUpload_failsTheUpload_leavingNoClipAndNoBlob_andTheRefusalIsLogged() throws IOException {
        var dana = signUp("dana");
        services.consent().consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Example"));
        byte[] audio = SpineFixture.speech(8);
        // The upload stream withdraws the consent once the server has started reading it.
        var withdrawing = new FilterInputStream(new ByteArrayInputStream(audio)) {
            private boolean withdrawn;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (!withdrawn) {
                    withdrawn = true;
                    services.withdrawal().withdraw(signedIn(dana), project.id());
                }
                return super.read(buffer, offset, length);
            }
        };

        assertCode(
                () -> services.ingest().ingest(dana, new IngestRequest(project.id(), self(dana), 0), withdrawing),
                ErrorCode.CONSENT_REQUIRED);

        assertThat(list(r -> r.clips().byContributor(self(dana)))).isEmpty();
        assertThat(blobFiles()).isEmpty();
        LedgerEntry last = ledger().getLast();
        assertThat(last.action()).isEqualTo(Action.CLIP_REJECTED);
        assertThat(last.actor().id()).isEqualTo(self(dana).value());
        assertThat(last.subjects().getLast().id()).isEqualTo(project.id().value());
        assertThat(last.records(new ClipRejected(
                        new ClipId(last.subjects().getFirst().id()), project.id(), ErrorCode.CONSENT_REQUIRED)))
                .isTrue();
    }

    @Test
    void withdrawingEverything_erasesTheContributor() {
        var dana = signUp("dana");
        services.consent().consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Example"));
        ClipId clip =
                fixture.ingest(self(dana), SpineFixture.speech(9), dana).clip().id();

        var withdrawal = services.withdrawal().withdrawAll(dana);

        assertThat(withdrawal.erasedClips()).isEqualTo(1);
        assertThat(withdrawal.withdrawn()).hasSize(1);
        assertCode(() -> services.custodian().open(ADMIN, clip, "review"), ErrorCode.ERASED);
        assertThat(find(r -> r.contributors().voiceKey(self(dana)))).isEmpty();
        assertThat(services.consent().consents(dana)).singleElement().satisfies(mine -> {
            assertThat(mine.consent().active()).isFalse();
            assertThat(mine.receipt()).isPresent();
        });
        assertThat(ledger().getLast().action()).isEqualTo(Action.CONTRIBUTOR_ERASED);
        assertCode(() -> services.withdrawal().withdrawAll(dana), ErrorCode.ERASED);
    }

    @Test
    void deletingTheAccount_erasesScrubsRevokesAndLogs_andSigningInFails() {
        var dana = signUp("dana");
        services.consent().consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Example"));
        var token = services.tokens().issueApiToken(dana, Duration.ofDays(1)).secret();

        services.withdrawal().deleteAccount(dana);

        var account = metadata()
                .inTransaction(r -> r.accounts().find(new AccountId(dana.id())))
                .orElseThrow();
        assertThat(account.disabled()).isTrue();
        assertThat(account.username().value()).startsWith("deleted_");
        assertThat(find(r -> r.accounts().findByUsername(new Username("dana")))).isEmpty();
        assertThat(find(r -> r.accounts().contributorLink(account.id()))).isEmpty();
        assertThat(find(r -> r.contributors().identity(self(dana)))).isEmpty();
        assertCode(() -> services.tokens().authenticate(token), ErrorCode.UNAUTHENTICATED);
        assertCode(
                () -> services.signIn()
                        .signIn("dana", PASSWORD, Optional.empty(), new dev.custody.access.ClientAddress("127.0.0.1")),
                ErrorCode.UNAUTHENTICATED);
        // The deletion, then the refused use of the revoked token (logged against its holder).
        List<LedgerEntry> last = ledger().subList(ledger().size() - 4, ledger().size());
        assertThat(last)
                .extracting(LedgerEntry::action)
                .containsExactly(
                        Action.CONSENT_WITHDRAWN,
                        Action.CONTRIBUTOR_ERASED,
                        Action.ACCOUNT_CHANGED,
                        Action.PERMISSION_CHANGED);
        assertThat(last.get(2).toString()).doesNotContain(dana.id());
    }

    @Test
    void myConsents_listEveryConsentNewestFirst_withReceiptsThatVerify() {
        var dana = signUp("dana");
        services.consent().consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Example"));
        Project other = secondProject();
        services.consent().consent(dana, act(services.consent().currentTerms(dana, other.id()), "Dana Example"));
        services.withdrawal().withdraw(dana, project.id());

        var mine = services.consent().consents(dana);

        assertThat(mine)
                .extracting(c -> c.consent().project(), c -> c.consent().active())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(other.id(), true),
                        org.assertj.core.groups.Tuple.tuple(project.id(), false));
        for (var consent : mine) {
            SignedConsentReceipt receipt = consent.receipt().orElseThrow();
            ReceiptCheck.verify(receipt, services.ledger().keys());
            assertThat(receipt.receipt().consent()).isEqualTo(consent.consent().id());
        }
        assertCode(() -> services.consent().consents(ADMIN), ErrorCode.FORBIDDEN);
    }

    @Test
    void keyRotation_rewrapsAndCountsTheSignedNames() throws Exception {
        var dana = signUp("dana");
        var consent = services.consent()
                .consent(dana, act(services.consent().currentTerms(dana, project.id()), "Dana Ó Example"))
                .receipt()
                .consent();
        var old = services.keys().status(ADMIN).purposes().stream()
                .filter(p -> p.purpose() == KeyPurpose.IDENTITY)
                .findFirst()
                .orElseThrow()
                .active();
        long sealedUnderOld = metadata()
                .inTransaction(r -> r.wrappedKeys().signerNamesUnder(old, 100))
                .size();
        assertThat(sealedUnderOld).isEqualTo(1);

        var next = services.keys().rotate(ADMIN, KeyPurpose.IDENTITY);
        // Batches of two: the identity, the account's link and the signed name move in turn.
        var progress = services.keys().rewrap(ADMIN, 2);
        for (int batch = 0; !progress.finished() && batch < 10; batch++) {
            progress = services.keys().rewrap(ADMIN, 2);
        }
        assertThat(progress.finished()).isTrue();

        Map<KekId, Long> counts = metadata().inTransaction(r -> r.wrappedKeys().countByKek(KeyPurpose.IDENTITY));
        assertThat(counts).doesNotContainKey(old);
        var moved = metadata().inTransaction(r -> r.wrappedKeys().signerNamesUnder(next, 100));
        assertThat(moved)
                .singleElement()
                .satisfies(row -> assertThat(row.consent()).isEqualTo(consent));
        fixture.close();
        try (var keyring = LocalKeyring.open(
                temp.resolve("data").resolve("keyring.sealed"),
                SecretBytes.copyOf(SpineFixture.PASSPHRASE.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(new SignerNames(keyring)
                            .open(consent, self(dana), moved.getFirst().name()))
                    .isEqualTo("Dana Ó Example");
        }
        // The keyring is checked with the installation closed; a fresh one is left for the @AfterEach.
        fixture = new SpineFixture(temp.resolve("data2"));
    }

    private Principal signUp(String username) {
        var signedUp = services.signUp()
                .signUp(new Username(username), PASSWORD, new Identity(username, username + "@example.org"), LOCAL);
        return signedUp.account().principal(Principal.newRequestId()).speakingFor(signedUp.pseudonym());
    }

    /** The same contributor in another request, as a second device of theirs would be. */
    private static Principal signedIn(Principal contributor) {
        return contributor.inRequest(Principal.newRequestId());
    }

    private static Pseudonym self(Principal contributor) {
        return contributor.contributor().orElseThrow();
    }

    private static ConsentAct act(ConsentTerms terms, String typedName) {
        return new ConsentAct(terms.project(), terms.version(), terms.sha256(), typedName, true);
    }

    private static TermsDraft draft(String text) {
        return new TermsDraft(
                Optional.empty(),
                Optional.empty(),
                List.of("Acme Speech"),
                EnumSet.allOf(ConsentRight.class),
                EnumSet.of(LegalBasis.GDPR_ART_9_2_A),
                text);
    }

    private Project secondProject() {
        return services.projects()
                .createProject(
                        ADMIN,
                        project.organization(),
                        ProjectPlans.readAloud("Second", List.of("Another line."), 1, Duration.ofDays(30)));
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private List<LedgerEntry> ledger() {
        return services.ledger().entries(ADMIN, 0, Long.MAX_VALUE);
    }

    private long ledgerSize() {
        return services.ledger().status().size();
    }

    private <T> Optional<T> find(MetadataStore.TransactionWork<Optional<T>> work) {
        return metadata().inTransaction(work);
    }

    private <T> List<T> list(MetadataStore.TransactionWork<List<T>> work) {
        return metadata().inTransaction(work);
    }

    private MetadataStore metadata() {
        return fixture.installation.custody().metadataStore();
    }

    private List<Path> blobFiles() throws IOException {
        try (Stream<Path> files = Files.walk(fixture.dataFolder.resolve("blobs").resolve("objects"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}

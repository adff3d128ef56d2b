package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;

import dev.custody.Money;
import dev.custody.access.AccountId;
import dev.custody.access.NewAccount;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Username;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Commission;
import dev.custody.project.Project;
import dev.custody.testkit.ProjectPlans;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The spine fixture plus a project whose clips need two acceptances and pay 0.35 EUR each, a
 * consenting contributor, and reviewer accounts on demand.
 */
final class ReviewFixture implements AutoCloseable {
    static final Money PAY = Money.parse("0.35", "EUR");

    final SpineFixture spine;
    final Project project;
    final Pseudonym contributor;
    private int accounts;
    private long seed = 100;

    ReviewFixture(Path dataFolder) {
        spine = new SpineFixture(dataFolder);
        project = spine.services
                .projects()
                .createProject(
                        ADMIN,
                        spine.project.organization(),
                        ProjectPlans.readAloud(
                                "Paid read-aloud",
                                List.of("Hello there.", "Good morning."),
                                1,
                                Duration.ofDays(30),
                                new Commission("en", 100, 5, 2, PAY)));
        contributor = spine.services
                .contributors()
                .register(ADMIN, new Identity("Dana Example", "dana@example.org"))
                .pseudonym();
        PaperConsents.record(spine.services, contributor, project.id());
    }

    /** A new reviewer account, assigned to the project when {@code assigned}. */
    Principal reviewer(boolean assigned) {
        var account = spine.services
                .accounts()
                .create(
                        ADMIN,
                        new NewAccount(
                                new Username("reviewer-" + (++accounts)),
                                "violet kettle under the stairs",
                                Role.REVIEWER,
                                Optional.empty()))
                .account();
        if (assigned) {
            spine.services.reviewers().assign(ADMIN, project.id(), account.id());
        }
        return account.principal(Principal.newRequestId());
    }

    ClipId clip() {
        return clip(contributor);
    }

    ClipId clip(Pseudonym speaker) {
        return spine.services
                .ingest()
                .ingest(
                        ADMIN,
                        new IngestRequest(project.id(), speaker, 1),
                        new ByteArrayInputStream(SpineFixture.speech(seed++)))
                .clip()
                .id();
    }

    /** Opens the clip for review, as a reviewer must before judging it. */
    void listen(Principal reviewer, ClipId clip) {
        spine.services.custodian().open(reviewer, clip, "review");
    }

    static AccountId accountOf(Principal principal) {
        return new AccountId(principal.id());
    }

    long ledgerSize() {
        return spine.services.ledger().status().size();
    }

    List<LedgerEntry> entriesSince(long size) {
        return spine.services.ledger().entries(ADMIN, size, ledgerSize());
    }

    @Override
    public void close() {
        spine.close();
    }
}

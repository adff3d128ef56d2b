package dev.custody.app;

import static dev.custody.app.SpineFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.ClientAddress;
import dev.custody.access.Username;
import dev.custody.clip.ClipId;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.ContributorState;
import dev.custody.contributor.Identity;
import dev.custody.contributor.Pseudonym;
import dev.custody.ledger.ClipErased;
import dev.custody.ledger.ContributorErased;
import dev.custody.ledger.ErasureCause;
import dev.custody.ledger.LedgerEntry;
import dev.custody.project.Project;
import dev.custody.retention.RetentionRun;
import dev.custody.testkit.MutableClock;
import dev.custody.testkit.ProjectPlans;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on an embedded installation whose clock the test moves: what is due is erased, logged, once. */
class RetentionIT {
    private static final ClientAddress LOCAL = new ClientAddress("127.0.0.1");

    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    SpineFixture fixture;

    @BeforeEach
    void open() {
        fixture = new SpineFixture(temp.resolve("data"), clock);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void clipsPastTheirProjectsRetention_areErasedAndLogged_clipsWithinItAreKept() {
        Project monthly = project(Duration.ofDays(30));
        Pseudonym alice = consenting("Alice Example", monthly);
        ClipId old = ingest(monthly, alice, 1);
        clock.advance(Duration.ofDays(20));
        byte[] recent = SpineFixture.speech(2);
        ClipId kept = ingest(monthly, alice, recent);
        clock.advance(Duration.ofDays(10));
        long ledgerBefore = ledgerSize();

        RetentionRun run = fixture.services.retention().run(ADMIN);
        List<LedgerEntry> logged = entriesSince(ledgerBefore);

        assertThat(run).isEqualTo(new RetentionRun(1, 0, 0));
        assertErased(old);
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, kept, "quality-check")
                        .bytes())
                .isEqualTo(recent);
        assertThat(logged).singleElement().satisfies(entry -> {
            assertThat(entry.records(new ClipErased(old, alice, monthly.id(), ErasureCause.RETENTION_EXPIRED)))
                    .isTrue();
            assertThat(entry.purpose()).isEqualTo("retention");
        });
        assertThat(fixture.installation.custody().blobStore().exists(blobOf(old)))
                .as("the erased clip's blob")
                .isFalse();
    }

    @Test
    void aSecondRun_erasesNothingMore_andLogsNothing() {
        Project monthly = project(Duration.ofDays(30));
        Pseudonym alice = consenting("Alice Example", monthly);
        ClipId old = ingest(monthly, alice, 1);
        clock.advance(Duration.ofDays(31));
        fixture.services.retention().run(ADMIN);
        long ledgerAfterFirst = ledgerSize();

        RetentionRun second = fixture.services.retention().run(ADMIN);

        assertThat(second).isEqualTo(new RetentionRun(0, 0, 0));
        assertThat(ledgerSize()).isEqualTo(ledgerAfterFirst);
        assertErased(old);
    }

    @Test
    void contributorsInactiveForThreeYears_areErasedWhole_thoseActiveSinceAreKept() {
        Project longest = project(Duration.ofDays(3 * 365));
        Pseudonym idle = consenting("Idle Example", longest);
        ClipId idleClip = ingest(longest, idle, 1);
        Pseudonym uploader = consenting("Uploader Example", longest);
        Pseudonym consenter = registered("Consenter Example");
        clock.advance(Duration.ofDays(2 * 365));
        ClipId recent = ingest(longest, uploader, 2);
        PaperConsents.record(fixture.services, consenter, longest.id());
        clock.advance(Duration.ofDays(366));
        long ledgerBefore = ledgerSize();

        RetentionRun run = fixture.services.retention().run(ADMIN);
        List<LedgerEntry> logged = entriesSince(ledgerBefore);

        // The idle contributor's clip is as old as their last activity, so its retention ended first.
        assertThat(run).isEqualTo(new RetentionRun(1, 1, 0));
        assertThat(state(idle)).isEqualTo(ContributorState.ERASED);
        assertThat(state(uploader)).isEqualTo(ContributorState.ACTIVE);
        assertThat(state(consenter)).isEqualTo(ContributorState.ACTIVE);
        assertErased(idleClip);
        assertThat(fixture.services
                        .custodian()
                        .open(ADMIN, recent, "quality-check")
                        .bytes())
                .isNotEmpty();
        assertThat(logged)
                .anySatisfy(entry -> {
                    assertThat(entry.records(new ContributorErased(idle, ErasureCause.CONTRIBUTOR_INACTIVE)))
                            .isTrue();
                    assertThat(entry.purpose()).isEqualTo("retention");
                })
                .hasSize(2);
        assertThat(fixture.services.retention().run(ADMIN)).isEqualTo(new RetentionRun(0, 0, 0));
    }

    @Test
    void signingIn_countsAsActivity() {
        String password = "a long walk by the river";
        var keeps = fixture.services
                .signUp()
                .signUp(new Username("keeps-signing-in"), password, new Identity("Kim", "kim@example.org"), LOCAL);
        var left = fixture.services
                .signUp()
                .signUp(new Username("left-long-ago"), password, new Identity("Lee", "lee@example.org"), LOCAL);
        clock.advance(Duration.ofDays(2 * 365));
        fixture.services
                .signIn()
                .signIn("keeps-signing-in", password, java.util.Optional.empty(), new ClientAddress("127.0.0.1"));
        clock.advance(Duration.ofDays(366));

        fixture.services.retention().run(ADMIN);

        assertThat(state(keeps.pseudonym())).isEqualTo(ContributorState.ACTIVE);
        assertThat(state(left.pseudonym())).isEqualTo(ContributorState.ERASED);
    }

    private Project project(Duration retention) {
        return fixture.services
                .projects()
                .createProject(
                        ADMIN,
                        fixture.project.organization(),
                        ProjectPlans.readAloud(
                                "Kept " + retention.toDays() + " days", List.of("Hello."), 1, retention));
    }

    private Pseudonym registered(String name) {
        return fixture.services
                .contributors()
                .register(ADMIN, new Identity(name, "someone@example.org"))
                .pseudonym();
    }

    private Pseudonym consenting(String name, Project project) {
        Pseudonym contributor = registered(name);
        PaperConsents.record(fixture.services, contributor, project.id());
        return contributor;
    }

    private ClipId ingest(Project project, Pseudonym contributor, long seed) {
        return ingest(project, contributor, SpineFixture.speech(seed));
    }

    private ClipId ingest(Project project, Pseudonym contributor, byte[] audio) {
        return fixture.services
                .ingest()
                .ingest(ADMIN, new IngestRequest(project.id(), contributor, 0), new ByteArrayInputStream(audio))
                .clip()
                .id();
    }

    private void assertErased(ClipId clip) {
        assertThatThrownBy(() -> fixture.services.custodian().open(ADMIN, clip, "quality-check"))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ERASED));
    }

    private dev.custody.blob.BlobId blobOf(ClipId clip) {
        return fixture.installation
                .custody()
                .metadataStore()
                .inTransaction(r -> r.clips().find(clip).orElseThrow().blob());
    }

    private ContributorState state(Pseudonym contributor) {
        return fixture.services.contributors().contributor(ADMIN, contributor).state();
    }

    private long ledgerSize() {
        return fixture.services.ledger().status().size();
    }

    private List<LedgerEntry> entriesSince(long from) {
        return fixture.services.ledger().entries(ADMIN, from, Long.MAX_VALUE);
    }
}

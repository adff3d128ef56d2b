package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantService;
import dev.custody.keyadmin.KekVersionStatus;
import dev.custody.keyadmin.KeyStatus;
import dev.custody.keyadmin.PurposeStatus;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.server.pages.ConsoleRows.FailureRow;
import dev.custody.server.pages.ConsoleRows.GrantRow;
import dev.custody.server.pages.ConsoleRows.KeyRow;
import dev.custody.server.pages.ConsoleRows.KeySchedule;
import dev.custody.server.pages.ConsoleRows.LedgerHealth;
import dev.custody.server.pages.ConsoleRows.RevocationRow;
import dev.custody.server.pages.ConsoleRows.SuspensionRow;
import dev.custody.server.pages.CountChart;
import dev.custody.server.pages.ProjectPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The client console (a client-admin's projects, their progress drawn as SVG on the server, and the
 * organization's grants) and the security console (ledger health, keys, integrity failures,
 * suspensions). They read through the services; their forms act through the API with the CSRF
 * token. Each route has its line in {@link AccessPolicy}.
 */
final class ConsolePages {
    static final String CLIENT = "/client";
    static final String SECURITY = "/security";
    /** The progress chart shows at most this many days, the latest. */
    private static final int CHART_DAYS = 60;
    /** The per-prompt chart shows at most this many prompts with clips, the lowest indexes. */
    private static final int CHART_PROMPTS = 60;

    private static final int FAILURES_SHOWN = 100;

    private final Services services;

    ConsolePages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get(CLIENT, this::clientHome);
        routes.get(CLIENT + "/projects/{project}", this::clientProject);
        routes.get(CLIENT + "/grants", this::clientGrants);
        routes.get(SECURITY, this::securityHome);
        routes.get(SECURITY + "/integrity", this::integrity);
        routes.get(SECURITY + "/suspensions", this::suspensions);
    }

    private void clientHome(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        OrganizationId organization = organization(principal);
        var projects = services.projects().projects(principal, organization);
        var purposes = Arrays.stream(Purpose.values()).map(Purpose::code).toList();
        PageRenderer.render(
                ctx, "client.js", frame -> Templates.clientHome(frame, organization.value(), projects, purposes));
    }

    private void clientProject(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        ProjectId id = new ProjectId(ctx.pathParam("project"));
        var project = services.projects().project(principal, id);
        var progress = services.reviews().progress(principal, id);
        var counts = services.reviews().counts(principal, id);
        var byDay = CountChart.of(
                CountChart.everyDay(counts.byDay(), CHART_DAYS),
                day -> LocalDate.ofEpochDay(day).toString());
        var byPrompt =
                CountChart.of(counts.byPrompt().stream().limit(CHART_PROMPTS).toList(), prompt -> "#" + (prompt + 1));
        PageRenderer.render(
                ctx,
                "client.js",
                frame -> Templates.clientProject(
                        frame, ProjectPage.of(project), project.consentTermsVersion(), progress, byDay, byPrompt));
    }

    private void clientGrants(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        GrantService grants = services.grants();
        var rows = grants.ofOrganization(principal, organization(principal)).stream()
                .map(grant -> row(principal, grants, grant))
                .toList();
        var overdue = services.revocations().overdue(principal).stream()
                .map(r -> new RevocationRow(
                        r.grant().value(),
                        r.sequence(),
                        r.reason().name(),
                        r.revokedAt().toString()))
                .toList();
        PageRenderer.render(ctx, "client.js", frame -> Templates.clientGrants(frame, rows, overdue));
    }

    private static GrantRow row(Principal principal, GrantService grants, Grant grant) {
        // The service decides on its own clock whether the grant delivers now (active and unexpired).
        OptionalLong deliverable = OptionalLong.empty();
        try {
            deliverable = OptionalLong.of(
                    grants.contents(principal, grant.id()).deliverable().size());
        } catch (CustodyException e) {
            if (e.code() != ErrorCode.GRANT_INACTIVE) {
                throw e;
            }
        }
        long excluded = grants.exclusions(principal, grant.id()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        return new GrantRow(
                grant.id().value(),
                grant.project().value(),
                grant.consumer().value(),
                grant.purposes().stream().map(Purpose::code).sorted().collect(Collectors.joining(", ")),
                grant.state().name(),
                grant.expiresAt().toString(),
                deliverable.isPresent(),
                deliverable.orElse(0),
                excluded);
    }

    private void securityHome(Context ctx) {
        Principal principal = Authentication.principal(ctx);
        var ledger = services.ledger();
        long size = ledger.status().size();
        Checkpoint checkpoint = ledger.latestCheckpoint(principal);
        // A checkpoint carries no time of its own: its age is that of the newest entry it covers.
        var covered = checkpoint.size() == 0
                ? List.<LedgerEntry>of()
                : ledger.entries(principal, checkpoint.size() - 1, checkpoint.size());
        String coveredUntil = covered.isEmpty() ? "" : covered.getFirst().time().toString();
        long age = covered.isEmpty()
                ? -1
                : Math.max(
                        0,
                        Duration.between(covered.getFirst().time(), Instant.now())
                                .toMinutes());
        var health =
                new LedgerHealth(size, checkpoint.size(), checkpoint.rootHash().hex(), coveredUntil, age);
        KeyStatus keys = services.keys().status(principal);
        var keyRows = keys.purposes().stream().map(ConsolePages::keyRow).toList();
        var schedule = new KeySchedule(
                keys.backupRetention().toDays(),
                keys.schedule().every().map(d -> Long.toString(d.toDays())).orElse(""),
                keys.nextRotation().map(Instant::toString).orElse(""),
                keys.erasureReachesEveryCopyWithin()
                        .map(d -> Long.toString(d.toDays()))
                        .orElse(""));
        PageRenderer.render(ctx, "page.js", frame -> Templates.securityHome(frame, health, keyRows, schedule));
    }

    private static KeyRow keyRow(PurposeStatus purpose) {
        String versions = purpose.versions().stream().map(ConsolePages::version).collect(Collectors.joining(", "));
        return new KeyRow(
                purpose.purpose().name().toLowerCase(Locale.ROOT),
                purpose.active().toString(),
                purpose.remaining(),
                versions);
    }

    private static String version(KekVersionStatus version) {
        String state = version.active() ? "active" : version.live() ? "retired" : "destroyed";
        return "v" + version.kek().version() + " " + state + " (" + version.rows() + ")";
    }

    private void integrity(Context ctx) {
        var page = services.integrity().failures(Authentication.principal(ctx), Long.MAX_VALUE, FAILURES_SHOWN);
        var rows = page.entries().stream().map(ConsolePages::failure).toList();
        PageRenderer.render(ctx, "page.js", frame -> Templates.integrity(frame, rows));
    }

    private static FailureRow failure(LedgerEntry entry) {
        String check = entry.subjects().stream()
                .filter(s -> s.kind() == SubjectKind.CHECK)
                .map(Subject::id)
                .findFirst()
                .orElse("");
        String about = entry.subjects().stream()
                .filter(s -> s.kind() != SubjectKind.CHECK)
                .map(s -> s.kind().name().toLowerCase(Locale.ROOT) + " " + s.id())
                .collect(Collectors.joining(", "));
        return new FailureRow(
                entry.index(),
                entry.time().toString(),
                check,
                about,
                entry.actor().role().name(),
                entry.requestId());
    }

    private void suspensions(Context ctx) {
        var rows = services.suspensions().list(Authentication.principal(ctx)).stream()
                .map(s -> new SuspensionRow(
                        s.principalId(),
                        s.cause().name(),
                        s.suspendedAt().toString(),
                        s.liftedAt().map(Instant::toString).orElse("")))
                .toList();
        PageRenderer.render(ctx, "security.js", frame -> Templates.suspensions(frame, rows));
    }

    private static OrganizationId organization(Principal principal) {
        // AccessPolicy lets only client-admins in, and each belongs to one organization.
        return principal.organization().orElseThrow(() -> new IllegalStateException("no organization"));
    }
}

package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.audit.IntegrityAlarm;
import dev.custody.ledger.Actor;
import dev.custody.ledger.IntegrityCheck;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import dev.custody.ledger.Subject;
import dev.custody.ledger.SubjectKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The security officer's list of integrity failures, and the alarm for those the services did not
 * raise themselves: any {@code INTEGRITY_FAILURE} that reaches the HTTP layer unraised (a stored
 * ledger entry, receipt or record that does not verify) is raised here, naming the route's clip
 * if it has one.
 */
final class IntegrityRoutes {
    static final String FAILURES_PATH = "/api/v1/integrity-failures";

    private final Services services;

    IntegrityRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get(FAILURES_PATH, this::failures);
    }

    private void failures(Context ctx) {
        var page = services.integrity()
                .failures(Authentication.principal(ctx), RightsRoutes.before(ctx), RightsRoutes.limit(ctx));
        Json.write(
                ctx,
                200,
                new FailurePageView(
                        page.entries().stream().map(FailureView::of).toList(),
                        page.next().orElse(null)));
    }

    void alarmIfUnraised(CustodyException failure, Context ctx) {
        if (failure.code() != ErrorCode.INTEGRITY_FAILURE || IntegrityAlarm.raised(failure)) {
            return;
        }
        Optional<Principal> principal = Authentication.authenticated(ctx);
        Actor actor = principal.map(Principal::actor).orElse(Actor.system());
        String requestId = principal.map(Principal::requestId).orElseGet(Principal::newRequestId);
        List<Subject> about = ctx.pathParamMap().containsKey("clip")
                ? List.of(new Subject(SubjectKind.CLIP, ctx.pathParam("clip")))
                : List.of();
        services.integrity().raise(checkOf(ctx.path()), about, actor, requestId);
    }

    /** Which stored data a route reads, to name the check that failed on it. */
    private static IntegrityCheck checkOf(String route) {
        if (route.startsWith("/api/v1/ledger") || route.endsWith("/history")) {
            return IntegrityCheck.LEDGER;
        }
        if (route.startsWith("/api/v1/me/clips") || route.startsWith("/api/v1/me/consents")) {
            return IntegrityCheck.RECEIPT;
        }
        return IntegrityCheck.RECORD;
    }

    /** One failure: when, which check, about which ids, the request, and the entry's bytes to check. */
    record FailureView(
            long index,
            String time,
            String check,
            List<LedgerRoutes.SubjectView> about,
            String actorRole,
            String requestId,
            String encoded) {
        static FailureView of(LedgerEntry entry) {
            return new FailureView(
                    entry.index(),
                    entry.time().toString(),
                    entry.subjects().stream()
                            .filter(s -> s.kind() == SubjectKind.CHECK)
                            .map(Subject::id)
                            .findFirst()
                            .orElseThrow(CustodyException::integrityFailure),
                    entry.subjects().stream()
                            .filter(s -> s.kind() != SubjectKind.CHECK)
                            .map(s -> new LedgerRoutes.SubjectView(s.kind().name(), s.id()))
                            .toList(),
                    entry.actor().role().name(),
                    entry.requestId(),
                    LedgerEntryCodec.encode(entry).base64());
        }
    }

    /** {@code next} is the {@code before} that asks for the next, older page; null at the end. */
    record FailurePageView(List<FailureView> items, Long next) {}
}

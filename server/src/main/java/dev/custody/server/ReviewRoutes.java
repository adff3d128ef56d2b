package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.ledger.ReviewVerdict;
import dev.custody.project.ProjectId;
import dev.custody.review.ClipCounts;
import dev.custody.review.RejectionReason;
import dev.custody.review.ReviewItem;
import dev.custody.review.ReviewOutcome;
import dev.custody.review.ReviewProgress;
import dev.custody.review.Verdict;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reviewer assignments (operators), the review queue and verdicts (assigned reviewers), progress. */
final class ReviewRoutes {
    private static final int DEFAULT_QUEUE = 20;

    private final Services services;

    ReviewRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/projects/{project}/reviewers", this::assign);
        routes.get("/api/v1/projects/{project}/reviewers", this::reviewers);
        routes.delete("/api/v1/projects/{project}/reviewers/{account}", this::unassign);
        routes.get("/api/v1/review/projects", this::assignedProjects);
        routes.get("/api/v1/projects/{project}/review-queue", this::queue);
        routes.post("/api/v1/clips/{clip}/reviews", this::judge);
        routes.get("/api/v1/projects/{project}/review-progress", this::progress);
        routes.get("/api/v1/projects/{project}/clip-counts", this::counts);
    }

    private void assign(Context ctx) {
        var request = Json.read(ctx, Requests.AssignReviewer.class);
        if (request.account() == null) {
            throw CustodyException.invalidInput("account is required");
        }
        var project = new ProjectId(ctx.pathParam("project"));
        var account = new AccountId(request.account());
        boolean assigned = services.reviewers().assign(Authentication.principal(ctx), project, account);
        Json.write(ctx, assigned ? 201 : 200, new AssignmentView(project.value(), account.value()));
    }

    private void reviewers(Context ctx) {
        var reviewers =
                services.reviewers().reviewers(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")));
        Json.write(ctx, 200, reviewers.stream().map(AccountId::value).toList());
    }

    private void unassign(Context ctx) {
        services.reviewers()
                .unassign(
                        Authentication.principal(ctx),
                        new ProjectId(ctx.pathParam("project")),
                        new AccountId(ctx.pathParam("account")));
        ctx.status(204);
    }

    private void assignedProjects(Context ctx) {
        var projects = services.reviewers().assignedProjects(Authentication.principal(ctx));
        Json.write(ctx, 200, projects.stream().map(ProjectId::value).toList());
    }

    private void queue(Context ctx) {
        var items = services.reviews()
                .queue(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")), limit(ctx));
        Json.write(ctx, 200, items.stream().map(ReviewItemView::of).toList());
    }

    private void judge(Context ctx) {
        var request = Json.read(ctx, Requests.GiveVerdict.class);
        var outcome = services.reviews()
                .judge(Authentication.principal(ctx), new ClipId(ctx.pathParam("clip")), verdict(request));
        Json.write(ctx, 201, OutcomeView.of(outcome));
    }

    private void counts(Context ctx) {
        var counts = services.reviews().counts(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")));
        Json.write(ctx, 200, CountsView.of(counts));
    }

    private void progress(Context ctx) {
        var progress =
                services.reviews().progress(Authentication.principal(ctx), new ProjectId(ctx.pathParam("project")));
        Json.write(ctx, 200, ProgressView.of(progress));
    }

    private static Verdict verdict(Requests.GiveVerdict request) {
        ReviewVerdict outcome = switch (request.verdict() == null ? "" : request.verdict()) {
            case "accept" -> ReviewVerdict.ACCEPTED;
            case "reject" -> ReviewVerdict.REJECTED;
            default -> throw CustodyException.invalidInput("verdict is accept or reject");
        };
        return new Verdict(
                outcome,
                Optional.ofNullable(request.reason()).map(RejectionReason::of),
                Optional.ofNullable(request.note()));
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return DEFAULT_QUEUE;
        }
        if (!value.matches("[0-9]{1,3}")) {
            throw CustodyException.invalidInput("limit must be a number from 1 to 100");
        }
        return Integer.parseInt(value);
    }

    record AssignmentView(String project, String account) {}

    /** A clip awaiting review: what it answers, its format and quality figures; never who spoke. */
    record ReviewItemView(
            String clip,
            String project,
            int promptIndex,
            String prompt,
            String container,
            String encoding,
            int sampleRate,
            int channels,
            long durationMillis,
            Views.QualityView quality,
            String createdAt) {
        static ReviewItemView of(ReviewItem item) {
            var audio = item.audio();
            var q = item.quality();
            return new ReviewItemView(
                    item.clip().value(),
                    item.project().value(),
                    item.promptIndex(),
                    item.prompt(),
                    audio.container().name(),
                    audio.encoding().name(),
                    audio.sampleRate(),
                    audio.channels(),
                    audio.duration().toMillis(),
                    new Views.QualityView(q.clippingRatio(), q.rmsDbfs(), q.silenceRatio(), q.snrDb()),
                    item.createdAt().toString());
        }
    }

    record OutcomeView(String clip, String state, int acceptances, int required) {
        static OutcomeView of(ReviewOutcome outcome) {
            return new OutcomeView(
                    outcome.clip().value(), outcome.state().name(), outcome.acceptances(), outcome.required());
        }
    }

    record ProgressView(
            String project, long pendingReview, long accepted, long rejected, long erased, int reviewCount) {
        static ProgressView of(ReviewProgress p) {
            return new ProgressView(
                    p.project().value(), p.pendingReview(), p.accepted(), p.rejected(), p.erased(), p.reviewCount());
        }
    }

    record CountView(String key, long collected, long accepted) {}

    record CountsView(String project, List<CountView> byDay, List<CountView> byPrompt) {
        static CountsView of(ClipCounts counts) {
            return new CountsView(
                    counts.project().value(),
                    counts.byDay().stream()
                            .map(c -> new CountView(
                                    LocalDate.ofEpochDay(c.key()).toString(), c.collected(), c.accepted()))
                            .toList(),
                    counts.byPrompt().stream()
                            .map(c -> new CountView(Long.toString(c.key()), c.collected(), c.accepted()))
                            .toList());
        }
    }
}

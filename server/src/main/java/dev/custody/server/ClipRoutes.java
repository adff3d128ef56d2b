package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Services;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.ClipId;
import dev.custody.clip.Custodian;
import dev.custody.clip.IdempotencyKey;
import dev.custody.clip.IngestRequest;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/** Clip upload, metadata, audio (through the custodian) and erasure. */
final class ClipRoutes {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Services services;

    ClipRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/projects/{project}/clips", this::upload);
        routes.get("/api/v1/clips/{clip}", this::clip);
        routes.get("/api/v1/clips/{clip}/audio", this::audio);
        routes.get("/api/v1/contributors/{contributor}/clips", this::contributorClips);
        routes.delete("/api/v1/contributors/{contributor}", this::erase);
    }

    private void upload(Context ctx) throws IOException {
        var principal = Authentication.principal(ctx);
        IngestRequest request;
        Optional<IdempotencyKey> key;
        try {
            request = new IngestRequest(
                    new ProjectId(ctx.pathParam("project")),
                    uploader(ctx, principal),
                    promptIndex(required(ctx, "prompt")));
            key = Optional.ofNullable(ctx.header(IDEMPOTENCY_KEY)).map(IdempotencyKey::parse);
        } catch (CustodyException e) {
            // A denial was logged as such already; anything else is refused input.
            throw e.code() == ErrorCode.FORBIDDEN ? e : services.tenancy().refused(principal, "upload", e);
        }
        // Uploads go to the ingest service as a stream: it enforces the project's size cap while
        // reading, so an oversize upload is cut off, never buffered whole.
        try (InputStream body = ctx.bodyInputStream()) {
            var result = services.ingest().ingest(principal, request, key, body);
            if (result.replayed()) {
                ctx.header("Idempotent-Replayed", "true");
            }
            // A retry gets the first answer, status included.
            Json.write(ctx, 201, Views.IngestView.of(result.clip(), result.receipt()));
        }
    }

    private void clip(Context ctx) {
        var clip = services.contributors().clip(Authentication.principal(ctx), new ClipId(ctx.pathParam("clip")));
        Json.write(ctx, 200, Views.ClipView.of(clip));
    }

    private void audio(Context ctx) {
        var principal = Authentication.principal(ctx);
        // A reviewer listens for one purpose only, so it need not be said.
        String implied = principal.role() == Role.REVIEWER ? Custodian.REVIEW_PURPOSE : "";
        String purpose = Objects.requireNonNullElse(ctx.queryParam("purpose"), implied);
        var audio = services.custodian().open(principal, new ClipId(ctx.pathParam("clip")), purpose);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(audio.mediaType()).result(audio.bytes());
    }

    private void contributorClips(Context ctx) {
        var clips = services.contributors()
                .clips(Authentication.principal(ctx), new Pseudonym(ctx.pathParam("contributor")));
        Json.write(ctx, 200, clips.stream().map(Views.ClipView::of).toList());
    }

    private void erase(Context ctx) {
        var contributor = new Pseudonym(ctx.pathParam("contributor"));
        int erased = services.erasure().erase(Authentication.principal(ctx), contributor);
        Json.write(ctx, 200, new Views.ErasureView(contributor.value(), erased));
    }

    /** Whose clip it is: a contributor's own, always; for the administrator, the one named. */
    private Pseudonym uploader(Context ctx, Principal principal) {
        if (principal.contributor().isEmpty()) {
            return new Pseudonym(required(ctx, "contributor"));
        }
        Pseudonym self = principal.contributor().get();
        String named = ctx.queryParam("contributor");
        if (named != null && !named.equals(self.value())) {
            throw services.tenancy().deny(principal, "POST:/api/v1/projects/{project}/clips");
        }
        return self;
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw CustodyException.invalidInput("query parameter " + name + " is required");
        }
        return value;
    }

    private static int promptIndex(String value) {
        if (!value.matches("[0-9]{1,6}")) {
            throw new CustodyException(ErrorCode.INVALID_INPUT, "prompt must be a prompt index");
        }
        return Integer.parseInt(value);
    }
}

package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.keyadmin.KekVersionStatus;
import dev.custody.keyadmin.KeyStatus;
import dev.custody.keyadmin.PurposeProgress;
import dev.custody.keyadmin.PurposeStatus;
import dev.custody.keyadmin.RewrapProgress;
import dev.custody.keys.KeyPurpose;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Key-encryption keys: status, rotation, rewrapping and destruction. */
final class KeyRoutes {
    /** One request rewraps at most this many batches, so it ends in bounded time; callers repeat. */
    static final int MAX_BATCHES_PER_REQUEST = 100;

    private static final int DEFAULT_BATCH = 500;

    private final Services services;

    KeyRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/keys", this::status);
        routes.post("/api/v1/keys/rewrap", this::rewrap);
        routes.post("/api/v1/keys/{purpose}/rotate", this::rotate);
        routes.post("/api/v1/keys/{purpose}/versions/{version}/destroy", this::destroy);
    }

    private void status(Context ctx) {
        Json.write(ctx, 200, StatusView.of(services.keys().status(Authentication.principal(ctx))));
    }

    private void rotate(Context ctx) {
        var kek = services.keys().rotate(Authentication.principal(ctx), purpose(ctx));
        Json.write(ctx, 200, new RotatedView(name(purpose(ctx)), kek.toString(), kek.version()));
    }

    /** {@code ?batchSize=N} (default 500) and {@code ?untilDone=true} to repeat batches, within the bound. */
    private void rewrap(Context ctx) {
        var caller = Authentication.principal(ctx);
        int batchSize = integer(ctx.queryParam("batchSize"), DEFAULT_BATCH, "batchSize");
        boolean untilDone = "true".equals(ctx.queryParam("untilDone"));
        long total = 0;
        RewrapProgress progress;
        int batches = 0;
        do {
            progress = services.keys().rewrap(caller, batchSize);
            total += progress.rewrapped();
            batches++;
        } while (untilDone && !progress.finished() && progress.rewrapped() > 0 && batches < MAX_BATCHES_PER_REQUEST);
        Json.write(ctx, 200, ProgressView.of(progress, total));
    }

    private void destroy(Context ctx) {
        int version = integer(ctx.pathParam("version"), 0, "version");
        var kek = services.keys().destroy(Authentication.principal(ctx), purpose(ctx), version);
        Json.write(ctx, 200, new DestroyedView(name(purpose(ctx)), kek.toString(), kek.version()));
    }

    private static KeyPurpose purpose(Context ctx) {
        return switch (ctx.pathParam("purpose")) {
            case "voice" -> KeyPurpose.VOICE;
            case "identity" -> KeyPurpose.IDENTITY;
            default -> throw CustodyException.invalidInput("the key purpose is voice or identity");
        };
    }

    private static int integer(String text, int absent, String what) {
        if (text == null) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CustodyException.invalidInput(what + " must be a whole number");
        }
    }

    private static String name(KeyPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT);
    }

    record RotatedView(String purpose, String active, int version) {}

    record DestroyedView(String purpose, String destroyed, int version) {}

    record VersionView(String kek, int version, String state, long keys) {
        static VersionView of(KekVersionStatus v) {
            String state = v.active() ? "active" : v.live() ? "retired" : "destroyed";
            return new VersionView(v.kek().toString(), v.kek().version(), state, v.rows());
        }
    }

    record PurposeView(String purpose, String active, long remaining, List<VersionView> versions) {
        static PurposeView of(PurposeStatus p) {
            return new PurposeView(
                    name(p.purpose()),
                    p.active().toString(),
                    p.remaining(),
                    p.versions().stream().map(VersionView::of).toList());
        }
    }

    /**
     * The rotation fields are null without a schedule; {@code nextRotation} is null too until the
     * schedule first runs.
     */
    record StatusView(
            long backupRetentionDays,
            Long rotateEveryDays,
            String nextRotation,
            Long erasureReachesEveryCopyWithinDays,
            long remaining,
            List<PurposeView> purposes) {
        static StatusView of(KeyStatus s) {
            return new StatusView(
                    s.backupRetention().toDays(),
                    s.schedule().every().map(Duration::toDays).orElse(null),
                    s.nextRotation().map(Instant::toString).orElse(null),
                    s.erasureReachesEveryCopyWithin().map(Duration::toDays).orElse(null),
                    s.purposes().stream().mapToLong(PurposeStatus::remaining).sum(),
                    s.purposes().stream().map(PurposeView::of).toList());
        }
    }

    record PurposeProgressView(String purpose, long rewrapped, long remaining, long unrecoverable) {
        static PurposeProgressView of(PurposeProgress p) {
            return new PurposeProgressView(name(p.purpose()), p.rewrapped(), p.remaining(), p.unrecoverable());
        }
    }

    /** {@code rewrapped} counts the whole request; each purpose's figure, its last batch. */
    record ProgressView(long rewrapped, long remaining, boolean finished, List<PurposeProgressView> purposes) {
        static ProgressView of(RewrapProgress p, long total) {
            return new ProgressView(
                    total,
                    p.remaining(),
                    p.finished(),
                    p.purposes().stream().map(PurposeProgressView::of).toList());
        }
    }
}

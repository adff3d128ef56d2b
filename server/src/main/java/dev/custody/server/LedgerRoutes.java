package dev.custody.server;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.Services;
import dev.custody.ledger.Checkpoint;
import dev.custody.ledger.Ledger;
import dev.custody.ledger.LedgerEntry;
import dev.custody.ledger.LedgerEntryCodec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The ledger over HTTP: checkpoints as signed-note text, proofs and entries as JSON, the whole log
 * as an export file, and the public keys at a well-known path that needs no token.
 */
final class LedgerRoutes {
    static final String KEYS_PATH = "/.well-known/custody/keys";

    private final Services services;

    LedgerRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get(KEYS_PATH, ctx -> text(ctx, services.ledger().keys().toText()));
        routes.get(
                "/api/v1/ledger/checkpoint",
                ctx -> checkpoint(ctx, services.ledger().latestCheckpoint(principal(ctx))));
        routes.post("/api/v1/ledger/checkpoint", this::issue);
        routes.get(
                "/api/v1/ledger/checkpoints/{size}",
                ctx -> checkpoint(
                        ctx, services.ledger().checkpoint(principal(ctx), number(ctx.pathParam("size"), "size"))));
        routes.get("/api/v1/ledger/proofs/inclusion", this::inclusion);
        routes.get("/api/v1/ledger/proofs/consistency", this::consistency);
        routes.get("/api/v1/ledger/entries", this::entries);
        routes.get("/api/v1/ledger/export", this::export);
    }

    private void issue(Context ctx) {
        principal(ctx); // authenticated callers only; any of them may ask for a fresh checkpoint
        checkpoint(ctx, services.ledger().issueCheckpoint());
    }

    private void inclusion(Context ctx) {
        long size = number(required(ctx, "size"), "size");
        String hash = ctx.queryParam("hash");
        var proof = hash != null
                ? services.ledger().inclusionOfLeaf(principal(ctx), Bytes.fromHex(hash), size)
                : services.ledger().inclusion(principal(ctx), number(required(ctx, "index"), "index"), size);
        Json.write(ctx, 200, new ProofView(proof.leafIndex(), proof.treeSize(), hexes(proof.hashes())));
    }

    private void consistency(Context ctx) {
        var proof = services.ledger()
                .consistency(principal(ctx), number(required(ctx, "from"), "from"), number(required(ctx, "to"), "to"));
        Json.write(ctx, 200, new ConsistencyView(proof.oldSize(), proof.newSize(), hexes(proof.hashes())));
    }

    private void entries(Context ctx) {
        long from = number(required(ctx, "from"), "from");
        long to = Math.min(number(required(ctx, "to"), "to"), from + Ledger.MAX_ENTRIES);
        List<EntryView> entries = services.ledger().entries(principal(ctx), from, to).stream()
                .map(EntryView::of)
                .toList();
        Json.write(ctx, 200, entries);
    }

    private void export(Context ctx) throws IOException {
        var principal = principal(ctx);
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"custody-ledger.clex\"");
        try (OutputStream out = ctx.outputStream()) {
            services.ledger().export(principal, out);
        }
    }

    private static dev.custody.access.Principal principal(Context ctx) {
        return Authentication.principal(ctx);
    }

    private static void checkpoint(Context ctx, Checkpoint checkpoint) {
        text(ctx, checkpoint.text());
    }

    private static void text(Context ctx, String body) {
        ctx.contentType("text/plain; charset=utf-8").result(body);
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw CustodyException.invalidInput("query parameter " + name + " is required");
        }
        return value;
    }

    private static long number(String value, String name) {
        if (!value.matches("[0-9]{1,18}")) {
            throw CustodyException.invalidInput(name + " must be a non-negative integer");
        }
        return Long.parseLong(value);
    }

    private static List<String> hexes(List<Bytes> hashes) {
        return hashes.stream().map(Bytes::hex).toList();
    }

    record ProofView(long leafIndex, long treeSize, List<String> hashes) {}

    record ConsistencyView(long oldSize, long newSize, List<String> hashes) {}

    record SubjectView(String kind, String id) {}

    record EntryView(
            long index,
            String time,
            String actor,
            String role,
            String action,
            List<SubjectView> subjects,
            String purpose,
            String requestId,
            String detailsHash,
            String encoded) {
        static EntryView of(LedgerEntry entry) {
            return new EntryView(
                    entry.index(),
                    entry.time().toString(),
                    entry.actor().id(),
                    entry.actor().role().name(),
                    entry.action().name(),
                    entry.subjects().stream()
                            .map(s -> new SubjectView(s.kind().name(), s.id()))
                            .toList(),
                    entry.purpose(),
                    entry.requestId(),
                    entry.detailsHash().hex(),
                    LedgerEntryCodec.encode(entry).base64());
        }
    }
}

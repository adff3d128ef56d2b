package dev.custody.server;

import dev.custody.Money;
import dev.custody.Services;
import dev.custody.contributor.Pseudonym;
import dev.custody.payout.BatchSummary;
import dev.custody.payout.Earnings;
import dev.custody.payout.PayoutBatchId;
import dev.custody.payout.PayoutFile;
import dev.custody.payout.PayoutLine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Payout batches (create, read, download the CSV, mark paid) and a contributor's earnings. */
final class PayoutRoutes {
    private final Services services;

    PayoutRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/payouts/batches", this::create);
        routes.get("/api/v1/payouts/batches/{batch}", this::batch);
        routes.get("/api/v1/payouts/batches/{batch}/csv", this::csv);
        routes.post("/api/v1/payouts/batches/{batch}/paid", this::markPaid);
        routes.get("/api/v1/contributors/{contributor}/earnings", this::earnings);
        routes.get("/api/v1/me/earnings", this::myEarnings);
    }

    private void create(Context ctx) {
        Json.write(ctx, 201, BatchView.of(services.payouts().createBatch(Authentication.principal(ctx))));
    }

    private void batch(Context ctx) {
        Json.write(ctx, 200, BatchView.of(services.payouts().batch(Authentication.principal(ctx), batchId(ctx))));
    }

    private void csv(Context ctx) {
        PayoutBatchId id = batchId(ctx);
        PayoutFile file = services.payouts().export(Authentication.principal(ctx), id);
        ctx.header("Cache-Control", "no-store");
        // The id has a strict shape (letters, digits, '_'), so it is safe in the header as is.
        ctx.header("Content-Disposition", "attachment; filename=\"payout-" + id.value() + ".csv\"");
        ctx.contentType(PayoutFile.MEDIA_TYPE).result(file.bytes());
    }

    private void markPaid(Context ctx) {
        Json.write(ctx, 200, BatchView.of(services.payouts().markPaid(Authentication.principal(ctx), batchId(ctx))));
    }

    private void myEarnings(Context ctx) {
        var caller = Authentication.principal(ctx);
        var earnings = services.payouts().earnings(caller, caller.requireContributor("read earnings"));
        Json.write(ctx, 200, EarningsView.of(earnings));
    }

    private void earnings(Context ctx) {
        var earnings =
                services.payouts().earnings(Authentication.principal(ctx), new Pseudonym(ctx.pathParam("contributor")));
        Json.write(ctx, 200, EarningsView.of(earnings));
    }

    private static PayoutBatchId batchId(Context ctx) {
        return new PayoutBatchId(ctx.pathParam("batch"));
    }

    /** An amount as an exact decimal string and its currency: never a JSON number, never a float. */
    record AmountView(String currency, String amount) {
        static AmountView of(Money money) {
            return new AmountView(money.currency().getCurrencyCode(), money.decimal());
        }
    }

    record LineView(String contributor, String currency, String amount, long clips) {
        static LineView of(PayoutLine line) {
            return new LineView(
                    line.contributor().value(),
                    line.total().currency().getCurrencyCode(),
                    line.total().decimal(),
                    line.clips());
        }
    }

    record BatchView(
            String id,
            String state,
            String createdAt,
            String paidAt,
            long credits,
            List<LineView> lines,
            List<AmountView> totals) {
        static BatchView of(BatchSummary summary) {
            var batch = summary.batch();
            return new BatchView(
                    batch.id().value(),
                    batch.state().name(),
                    batch.createdAt().toString(),
                    batch.paidAt().map(Instant::toString).orElse(null),
                    summary.credits(),
                    summary.lines().stream().map(LineView::of).toList(),
                    summary.totals().stream().map(AmountView::of).toList());
        }
    }

    record CurrencyView(String currency, String pending, long pendingClips, String paid, long paidClips) {
        static CurrencyView of(Earnings.CurrencyEarnings e) {
            return new CurrencyView(
                    e.pending().currency().getCurrencyCode(),
                    e.pending().decimal(),
                    e.pendingClips(),
                    e.paid().decimal(),
                    e.paidClips());
        }
    }

    record EarningsView(String contributor, List<CurrencyView> currencies) {
        static EarningsView of(Earnings earnings) {
            return new EarningsView(
                    earnings.contributor().value(),
                    earnings.currencies().stream().map(CurrencyView::of).toList());
        }
    }
}

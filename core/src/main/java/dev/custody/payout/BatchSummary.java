package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.Money;
import java.util.List;

/** A payout batch with what it pays: one line per contributor and currency, and the totals per currency. */
public record BatchSummary(PayoutBatch batch, List<PayoutLine> lines, List<Money> totals, long credits) {
    public BatchSummary {
        requireNonNull(batch, "batch is null");
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        totals = List.copyOf(requireNonNull(totals, "totals is null"));
    }

    static BatchSummary of(PayoutBatch batch, List<PayoutCredit> credits) {
        List<PayoutLine> lines = PayoutLine.of(credits);
        return new BatchSummary(batch, lines, PayoutLine.totals(lines), credits.size());
    }
}

package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.Money;
import dev.custody.contributor.Pseudonym;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one contributor is owed in one currency by a batch: the exact total and how many clips. */
public record PayoutLine(Pseudonym contributor, Money total, long clips) {
    public PayoutLine {
        requireNonNull(contributor, "contributor is null");
        requireNonNull(total, "total is null");
        if (clips < 1) {
            throw new IllegalArgumentException("a line pays at least one clip");
        }
    }

    /**
     * One line per contributor and currency, ordered by pseudonym then currency code, so the same
     * credits always give the same lines. Sums are exact and fail rather than overflow.
     */
    public static List<PayoutLine> of(List<PayoutCredit> credits) {
        Map<String, PayoutLine> lines = new TreeMap<>();
        for (PayoutCredit credit : credits) {
            String key = credit.contributor().value() + " "
                    + credit.amount().currency().getCurrencyCode();
            lines.merge(
                    key,
                    new PayoutLine(credit.contributor(), credit.amount(), 1),
                    (line, more) -> new PayoutLine(
                            line.contributor(), line.total().plus(more.total()), Math.addExact(line.clips(), 1)));
        }
        return List.copyOf(lines.values());
    }

    /** The sum of the lines per currency, ordered by currency code. */
    public static List<Money> totals(List<PayoutLine> lines) {
        Map<String, Money> totals = new TreeMap<>();
        for (PayoutLine line : lines) {
            totals.merge(line.total().currency().getCurrencyCode(), line.total(), Money::plus);
        }
        return List.copyOf(totals.values());
    }
}

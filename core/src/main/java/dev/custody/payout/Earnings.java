package dev.custody.payout;

import static java.util.Objects.requireNonNull;

import dev.custody.Money;
import dev.custody.contributor.Pseudonym;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a contributor has earned, per currency (ordered by code): owed and paid, exact. */
public record Earnings(Pseudonym contributor, List<CurrencyEarnings> currencies) {
    public Earnings {
        requireNonNull(contributor, "contributor is null");
        currencies = List.copyOf(requireNonNull(currencies, "currencies is null"));
    }

    /** In one currency: the pending and paid totals and how many clips each counts. */
    public record CurrencyEarnings(Money pending, long pendingClips, Money paid, long paidClips) {
        public CurrencyEarnings {
            requireNonNull(pending, "pending is null");
            requireNonNull(paid, "paid is null");
            if (!pending.currency().equals(paid.currency())) {
                throw new IllegalArgumentException("pending and paid are in one currency");
            }
        }

        CurrencyEarnings add(PayoutCredit credit) {
            return credit.state() == CreditState.PAID
                    ? new CurrencyEarnings(
                            pending, pendingClips, paid.plus(credit.amount()), Math.addExact(paidClips, 1))
                    : new CurrencyEarnings(
                            pending.plus(credit.amount()), Math.addExact(pendingClips, 1), paid, paidClips);
        }
    }

    static Earnings of(Pseudonym contributor, List<PayoutCredit> credits) {
        Map<String, CurrencyEarnings> byCurrency = new TreeMap<>();
        for (PayoutCredit credit : credits) {
            var currency = credit.amount().currency();
            var zero = Money.zero(currency);
            byCurrency.put(
                    currency.getCurrencyCode(),
                    byCurrency
                            .getOrDefault(currency.getCurrencyCode(), new CurrencyEarnings(zero, 0, zero, 0))
                            .add(credit));
        }
        return new Earnings(contributor, List.copyOf(byCurrency.values()));
    }
}

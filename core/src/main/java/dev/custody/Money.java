package dev.custody;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An exact amount of money: a count of the currency's minor units (cents for EUR and USD), never a
 * floating-point number. Arithmetic fails rather than overflows or mixes currencies.
 */
public record Money(long minorUnits, Currency currency) {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,4})?");

    public Money {
        requireNonNull(currency, "currency is null");
        if (currency.getDefaultFractionDigits() < 0) {
            throw CustodyException.invalidInput("currency " + currency + " has no minor unit");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount such as {@code "0.35"} in an ISO 4217 currency such as {@code "EUR"}.
     * Fails {@code INVALID_INPUT} for a malformed amount, an unknown currency, or more decimals than
     * the currency has.
     */
    public static Money parse(String amount, String currencyCode) {
        requireNonNull(amount, "amount is null");
        requireNonNull(currencyCode, "currencyCode is null");
        if (!DECIMAL.matcher(amount).matches()) {
            throw CustodyException.invalidInput("malformed amount");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw CustodyException.invalidInput("unknown currency");
        }
        var decimal = new BigDecimal(amount);
        if (decimal.scale() > currency.getDefaultFractionDigits()) {
            throw CustodyException.invalidInput("too many decimals for " + currency);
        }
        return new Money(
                decimal.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money times(long count) {
        return new Money(Math.multiplyExact(minorUnits, count), currency);
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount as a plain decimal in major units, such as {@code "12.30"}. */
    public String decimal() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits())
                .toPlainString();
    }

    @Override
    public String toString() {
        return decimal() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        requireNonNull(other, "other is null");
        if (!currency.equals(other.currency)) {
            throw CustodyException.invalidInput("cannot mix " + currency + " and " + other.currency);
        }
    }
}

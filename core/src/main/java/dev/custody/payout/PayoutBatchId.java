package dev.custody.payout;

import dev.custody.Identifiers;

/** Identifies a payout batch ({@code pbt_} and 26 base32 characters). */
public record PayoutBatchId(String value) {
    private static final String PREFIX = "pbt";

    public PayoutBatchId {
        Identifiers.require(PREFIX, value, "payout batch id");
    }

    public static PayoutBatchId random() {
        return new PayoutBatchId(Identifiers.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}

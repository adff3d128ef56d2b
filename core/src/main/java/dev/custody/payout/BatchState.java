package dev.custody.payout;

/** A payout batch is open from its creation until an operator marks it paid. */
public enum BatchState {
    OPEN,
    PAID
}

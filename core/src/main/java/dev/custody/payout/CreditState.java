package dev.custody.payout;

/** Where a credit is: owed (in no batch yet, or in a batch not yet paid), or paid. */
public enum CreditState {
    PENDING,
    PAID
}

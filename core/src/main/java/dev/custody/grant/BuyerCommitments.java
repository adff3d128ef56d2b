package dev.custody.grant;

import dev.custody.CustodyException;

/**
 * What the buyer commits to under a grant. Custody grants only to a buyer who commits to all four:
 * to delete a revoked clip within {@code deleteWithinDays} (1 to 30; revocations unacknowledged past
 * it are listed for the client-admin and the security officer), to keep the data encrypted at rest,
 * never to re-identify a speaker, and never to transfer the data onward. INVALID_INPUT otherwise.
 */
public record BuyerCommitments(
        int deleteWithinDays, boolean encryptionAtRest, boolean noReidentification, boolean noOnwardTransfer) {
    public static final int MAX_DELETE_DAYS = 30;

    public BuyerCommitments {
        if (deleteWithinDays < 1 || deleteWithinDays > MAX_DELETE_DAYS) {
            throw CustodyException.invalidInput("a grant's deletion deadline is 1 to 30 days");
        }
        if (!encryptionAtRest || !noReidentification || !noOnwardTransfer) {
            throw CustodyException.invalidInput(
                    "a grant requires the buyer's commitments to encryption at rest, no re-identification"
                            + " and no onward transfer");
        }
    }
}

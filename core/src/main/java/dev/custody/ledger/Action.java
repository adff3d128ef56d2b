package dev.custody.ledger;

import dev.custody.CustodyException;

/**
 * What a ledger entry records: one action per {@link LedgerEvent} type, each with a stable
 * one-byte code used by {@link LedgerEntryCodec}; codes are never reused.
 */
public enum Action {
    CONSENT_GIVEN(1),
    CONSENT_WITHDRAWN(2),
    CLIP_INGESTED(3),
    CLIP_REJECTED(4),
    CLIP_OPENED(5),
    CLIP_REVIEWED(6),
    DATASET_EXPORTED(7),
    CONTRIBUTOR_ERASED(8),
    KEY_CREATED(9),
    KEY_ROTATED(10),
    KEY_DESTROYED(11),
    ACCOUNT_CHANGED(12),
    PERMISSION_CHANGED(13),
    PRINCIPAL_SUSPENDED(14),
    CONFIGURATION_CHANGED(15),
    CLIP_ERASED(16),
    PAYOUT_CREDITED(17),
    PAYOUT_BATCH_CHANGED(18),
    CONSENT_TERMS_PUBLISHED(23),
    REQUEST_REFUSED(24),
    INTEGRITY_FAILED(40),
    CLIP_OPEN_ENDED(41),
    PAPER_CONSENT_RECORDED(42),
    GRANT_CHANGED(50);

    private final int code;

    Action(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws CustodyException INTEGRITY_FAILURE for an unknown code */
    public static Action fromCode(int code) {
        for (Action action : values()) {
            if (action.code == code) {
                return action;
            }
        }
        throw CustodyException.integrityFailure();
    }
}

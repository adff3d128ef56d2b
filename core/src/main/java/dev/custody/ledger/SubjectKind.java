package dev.custody.ledger;

import dev.custody.CustodyException;

/** What kind of thing a ledger entry's subject id names, with a stable one-byte code. */
public enum SubjectKind {
    CLIP(1),
    CONTRIBUTOR(2),
    PROJECT(3),
    CONSENT(4),
    GRANT(5),
    EXPORT(6),
    KEY(7),
    PRINCIPAL(8),
    SETTING(9),
    /** Which integrity check failed ({@link IntegrityCheck}), on an {@link IntegrityFailed} entry. */
    CHECK(14),
    /** How an opening of a clip ended ({@link ClipOpenEnded}): {@code DELIVERED} or the refusal's error code. */
    OUTCOME(15);

    private final int code;

    SubjectKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws CustodyException INTEGRITY_FAILURE for an unknown code */
    public static SubjectKind fromCode(int code) {
        for (SubjectKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw CustodyException.integrityFailure();
    }
}

package dev.custody.ledger;

import dev.custody.CustodyException;

/**
 * The role in which an actor acted, as recorded in the ledger. Each role has a stable one-byte
 * code, used by {@link LedgerEntryCodec}; codes are never reused.
 */
public enum ActorRole {
    CONTRIBUTOR(1),
    CLIENT_ADMIN(2),
    DATA_CONSUMER(3),
    REVIEWER(4),
    SECURITY_OFFICER(5),
    OPERATOR(6),
    AUDITOR(7),
    /** Custody itself: scheduled jobs, automatic suspensions, retention expiry. */
    SYSTEM(8),
    /** The installation's bootstrap administrator, holder of the one-time bootstrap token. */
    BOOTSTRAP_ADMIN(9);

    private final int code;

    ActorRole(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @throws CustodyException INTEGRITY_FAILURE for an unknown code */
    public static ActorRole fromCode(int code) {
        for (ActorRole role : values()) {
            if (role.code == code) {
                return role;
            }
        }
        throw CustodyException.integrityFailure();
    }
}

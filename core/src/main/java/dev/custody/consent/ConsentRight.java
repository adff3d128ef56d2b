package dev.custody.consent;

import dev.custody.CustodyException;

/**
 * A right that consent terms grant the contributor, named by a {@link #code()} that never changes.
 * Every terms document grants at least {@link #WITHDRAWAL} and {@link #ERASURE}.
 */
public enum ConsentRight {
    /** To see their recordings and who accessed them. */
    ACCESS("access"),
    /** To take a copy of everything they gave. */
    EXPORT("export"),
    /** To withdraw consent, for one project or for everything, at any time. */
    WITHDRAWAL("withdrawal"),
    /** To have their recordings erased, and never delivered again. */
    ERASURE("erasure");

    private final String code;

    ConsentRight(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws CustodyException INVALID_INPUT for a code outside the vocabulary */
    public static ConsentRight of(String code) {
        for (ConsentRight right : values()) {
            if (right.code.equals(code)) {
                return right;
            }
        }
        throw CustodyException.invalidInput("unknown right; the rights are access, export, withdrawal, erasure");
    }
}

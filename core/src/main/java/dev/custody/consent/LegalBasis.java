package dev.custody.consent;

import dev.custody.CustodyException;

/**
 * The legal basis on which recordings (biometric data) are processed, named by a {@link #code()}
 * that never changes. Each is an explicit, informed, written consent of the person: the only basis
 * Custody offers for voice data.
 */
public enum LegalBasis {
    /** GDPR Article 9(2)(a): explicit consent to the processing of biometric data. */
    GDPR_ART_9_2_A("gdpr-art-9-2-a"),
    /** Illinois BIPA 740 ILCS 14/15(b)(3): a written release by the subject. */
    BIPA_WRITTEN_RELEASE("bipa-written-release");

    private final String code;

    LegalBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws CustodyException INVALID_INPUT for a code outside the vocabulary */
    public static LegalBasis of(String code) {
        for (LegalBasis basis : values()) {
            if (basis.code.equals(code)) {
                return basis;
            }
        }
        throw CustodyException.invalidInput("unknown legal basis; the bases are gdpr-art-9-2-a, bipa-written-release");
    }
}

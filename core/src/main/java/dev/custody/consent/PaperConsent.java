package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.TextField;
import dev.custody.project.ProjectId;

/**
 * The evidence of a consent collected outside Custody, on a signed paper form, as staff record it:
 * the terms version and the SHA-256 of the terms document printed on the form (both must be the
 * project's current terms), the SHA-256 of the scanned signed form, and the name of the witness who
 * saw it signed. Fails {@code INVALID_INPUT} for a version below 1, a hash that is not 32 bytes, or a
 * witness name that is blank, longer than {@value ConsentAct#MAX_NAME_LENGTH} characters, holds
 * control characters or no letter. Never printed: the witness's name is personal data.
 */
public record PaperConsent(
        ProjectId project, int termsVersion, Bytes termsSha256, Bytes formSha256, String witnessName) {
    public PaperConsent {
        requireNonNull(project, "project is null");
        if (termsVersion < 1) {
            throw CustodyException.invalidInput("termsVersion is at least 1");
        }
        requireHash(termsSha256, "termsSha256 is the terms' SHA-256: 64 hex digits");
        requireHash(formSha256, "formSha256 is the SHA-256 of the scanned signed form: 64 hex digits");
        TermsRules.wellFormed(
                TextField.require(witnessName, "witness name", ConsentAct.MAX_NAME_LENGTH), "the witness name");
        if (witnessName.codePoints().noneMatch(Character::isLetter)) {
            throw CustodyException.invalidInput("the witness name must be the witness's full name");
        }
    }

    private static void requireHash(Bytes hash, String message) {
        if (hash == null || hash.length() != 32) {
            throw CustodyException.invalidInput(message);
        }
    }

    @Override
    public String toString() {
        return "PaperConsent[" + project + ", version " + termsVersion + "]";
    }
}

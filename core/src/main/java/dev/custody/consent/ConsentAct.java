package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.TextField;
import dev.custody.project.ProjectId;

/**
 * A contributor's electronic signature of a project's terms: the version and the SHA-256 of the
 * document they read (so they consent to exactly what they saw), their full name typed out, and the
 * "I agree" box, which must be ticked. Fails {@code INVALID_INPUT} for an unticked box, a name that
 * is blank, longer than {@value #MAX_NAME_LENGTH} characters, holds control characters or no letter,
 * a version below 1 or a hash that is not 32 bytes. Never printed: the name is personal data.
 */
public record ConsentAct(ProjectId project, int termsVersion, Bytes termsHash, String typedName, boolean agreed) {
    public static final int MAX_NAME_LENGTH = 200;

    public ConsentAct {
        requireNonNull(project, "project is null");
        if (termsVersion < 1) {
            throw CustodyException.invalidInput("termsVersion is at least 1");
        }
        requireNonNull(termsHash, "termsHash is null");
        if (termsHash.length() != 32) {
            throw CustodyException.invalidInput("termsHash is the terms' SHA-256: 64 hex digits");
        }
        TermsRules.wellFormed(TextField.require(typedName, "typed name", MAX_NAME_LENGTH), "the typed name");
        if (typedName.codePoints().noneMatch(Character::isLetter)) {
            throw CustodyException.invalidInput("the typed name must be your full name");
        }
        if (!agreed) {
            throw CustodyException.invalidInput("consent needs the box 'I agree' ticked");
        }
    }

    @Override
    public String toString() {
        return "ConsentAct[" + project + ", version " + termsVersion + "]";
    }
}

package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.TextField;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The bounds every consent terms field keeps, whether drafted or published. */
final class TermsRules {
    static final int MAX_TEXT_LENGTH = 50_000;
    static final int MAX_RECIPIENTS = 20;
    static final int MAX_RECIPIENT_LENGTH = 200;

    private TermsRules() {}

    static List<String> recipients(List<String> recipients) {
        requireNonNull(recipients, "recipients is null");
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw CustodyException.invalidInput("terms name 1 to " + MAX_RECIPIENTS + " recipients");
        }
        Set<String> seen = new HashSet<>();
        for (String recipient : recipients) {
            wellFormed(TextField.require(recipient, "recipient", MAX_RECIPIENT_LENGTH), "a recipient");
            if (!seen.add(recipient)) {
                throw CustodyException.invalidInput("a recipient is named twice");
            }
        }
        return List.copyOf(recipients);
    }

    static Set<ConsentRight> rights(Set<ConsentRight> rights) {
        requireNonNull(rights, "rights is null");
        if (!rights.contains(ConsentRight.WITHDRAWAL) || !rights.contains(ConsentRight.ERASURE)) {
            throw CustodyException.invalidInput("terms must grant the rights of withdrawal and erasure");
        }
        return Set.copyOf(EnumSet.copyOf(rights));
    }

    static Set<LegalBasis> legalBases(Set<LegalBasis> bases) {
        requireNonNull(bases, "legalBases is null");
        if (bases.isEmpty()) {
            throw CustodyException.invalidInput("terms name at least one legal basis");
        }
        return Set.copyOf(bases);
    }

    /**
     * The terms' text: 1 to {@value #MAX_TEXT_LENGTH} characters, lines ending in LF, tabs, no other
     * control character (a CR would give one text two encodings, so it is refused, not rewritten).
     */
    static String text(String text) {
        requireNonNull(text, "text is null");
        if (text.isBlank()) {
            throw CustodyException.invalidInput("the terms' text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw CustodyException.invalidInput("the terms' text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.chars()
                .anyMatch(
                        c -> c != '\n' && c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'))) {
            throw CustodyException.invalidInput("the terms' text contains control characters (lines end with LF only)");
        }
        return wellFormed(text, "the terms' text");
    }

    /** Refuses a lone surrogate: it has no UTF-8 encoding, so stored text would not read back. */
    static String wellFormed(String value, String what) {
        if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw CustodyException.invalidInput(what + " is not valid Unicode");
        }
        return value;
    }
}

package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a contributor is given for a consent: which consent, by whom (pseudonym only: the typed name
 * stays sealed), to which project's terms (version and the SHA-256 of the terms document), when, and
 * the proof that the consent was logged; and, for a consent that staff recorded from a signed paper
 * form rather than the contributor's own electronic signature, the SHA-256 of the scanned form,
 * which marks it as {@link #recordedByStaff}. Signed as a {@link SignedConsentReceipt}, whose javadoc gives
 * the text format byte by byte.
 *
 * <p>Guarantees: {@code termsVersion >= 1}; the hash is 32 bytes; {@code givenAt} is truncated to
 * milliseconds and lies in the years 1970 to 9999. Throws {@code NullPointerException} for a null
 * component and {@code IllegalArgumentException} for a value outside these bounds.
 */
public record ConsentReceipt(
        ConsentId consent,
        Pseudonym contributor,
        ProjectId project,
        int termsVersion,
        Bytes termsSha256,
        Instant givenAt,
        LedgerInclusion ledger,
        Optional<Bytes> paperFormSha256) {
    public static final int FORMAT_VERSION = 1;

    /** The first line of a consent receipt's text, which tells it from a clip receipt. */
    public static final String HEADER = "custody-consent-receipt/" + FORMAT_VERSION;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public ConsentReceipt {
        requireNonNull(consent, "consent is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(project, "project is null");
        requireNonNull(termsSha256, "termsSha256 is null");
        requireNonNull(givenAt, "givenAt is null");
        requireNonNull(ledger, "ledger is null");
        requireNonNull(paperFormSha256, "paperFormSha256 is null");
        if (paperFormSha256.isPresent() && paperFormSha256.get().length() != 32) {
            throw new IllegalArgumentException("the paper form hash must be SHA-256 (32 bytes)");
        }
        if (termsVersion < 1) {
            throw new IllegalArgumentException("terms version must be at least 1");
        }
        if (termsSha256.length() != 32) {
            throw new IllegalArgumentException("the terms hash must be SHA-256 (32 bytes)");
        }
        givenAt = givenAt.truncatedTo(ChronoUnit.MILLIS);
        if (givenAt.isBefore(Instant.EPOCH) || givenAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("consent time is outside the years 1970 to 9999");
        }
    }

    /** Whether staff recorded this consent from a signed paper form. */
    public boolean recordedByStaff() {
        return paperFormSha256.isPresent();
    }
}

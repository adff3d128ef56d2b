package dev.custody.receipt;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.Sha256;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a contributor is given for one recorded clip: which clip, for which project and prompt, from
 * whom (by pseudonym only), the audio's SHA-256, when it was received, under which consent terms,
 * and once the ledger has it, the proof that its ingest was logged. Signed as a {@link
 * SignedReceipt}, whose javadoc gives the text format byte by byte.
 *
 * <p>Guarantees: {@code formatVersion} is {@value #FORMAT_VERSION}; {@code promptIndex >= 0};
 * {@code consentTermsVersion >= 1}; both hashes are 32 bytes; {@code receivedAt} is truncated to
 * milliseconds and lies in the years 1970 to 9999. Throws {@code NullPointerException} for a null
 * component and {@code IllegalArgumentException} for a value outside these bounds.
 */
public record Receipt(
        int formatVersion,
        ClipId clip,
        ProjectId project,
        int promptIndex,
        Bytes promptSha256,
        Pseudonym contributor,
        Bytes audioSha256,
        Instant receivedAt,
        int consentTermsVersion,
        Optional<LedgerInclusion> ledger) {
    public static final int FORMAT_VERSION = 1;

    private static final int HASH_LENGTH = 32;
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public Receipt {
        requireNonNull(clip, "clip is null");
        requireNonNull(project, "project is null");
        requireNonNull(promptSha256, "promptSha256 is null");
        requireNonNull(contributor, "contributor is null");
        requireNonNull(audioSha256, "audioSha256 is null");
        requireNonNull(receivedAt, "receivedAt is null");
        requireNonNull(ledger, "ledger is null");
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported receipt format version " + formatVersion);
        }
        if (promptIndex < 0) {
            throw new IllegalArgumentException("prompt index is negative");
        }
        if (consentTermsVersion < 1) {
            throw new IllegalArgumentException("consent terms version must be at least 1");
        }
        if (promptSha256.length() != HASH_LENGTH || audioSha256.length() != HASH_LENGTH) {
            throw new IllegalArgumentException("hashes must be SHA-256 (32 bytes)");
        }
        // The text format carries milliseconds; truncating here makes a parsed receipt equal its origin.
        receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        if (receivedAt.isBefore(EARLIEST) || receivedAt.isAfter(LATEST)) {
            throw new IllegalArgumentException("received time is outside the years 1970 to 9999");
        }
    }

    /** A receipt not yet in the ledger, hashing the prompt's text as UTF-8. */
    public static Receipt of(
            ClipId clip,
            ProjectId project,
            int promptIndex,
            String promptText,
            Pseudonym contributor,
            Bytes audioSha256,
            Instant receivedAt,
            int consentTermsVersion) {
        return new Receipt(
                FORMAT_VERSION,
                clip,
                project,
                promptIndex,
                Sha256.of(requireNonNull(promptText, "promptText is null")),
                contributor,
                audioSha256,
                receivedAt,
                consentTermsVersion,
                Optional.empty());
    }

    /** This receipt with the proof that its ingest was logged. */
    public Receipt withLedger(LedgerInclusion inclusion) {
        requireNonNull(inclusion, "inclusion is null");
        return new Receipt(
                formatVersion,
                clip,
                project,
                promptIndex,
                promptSha256,
                contributor,
                audioSha256,
                receivedAt,
                consentTermsVersion,
                Optional.of(inclusion));
    }
}

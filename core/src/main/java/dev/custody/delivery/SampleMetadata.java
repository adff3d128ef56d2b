package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.audio.QualityFigures;
import java.time.LocalDate;
import java.util.List;

/**
 * What a buyer learns of one delivered clip beside its audio, in its {@code {key}.json}: nothing
 * here may name a person, a pseudonym, a clip id or an account.
 *
 * @param promptText the sentence the contributor read
 * @param language the project's language tag (BCP 47, for example {@code en-GB})
 * @param frames audio frames (samples per channel) of the clip
 * @param sampleRate frames per second
 * @param consentTermsVersion the version of the consent terms the clip was given under
 * @param consentTermsSha256 the SHA-256 of those terms' canonical form
 * @param consentPurposes the data-use purposes those terms allow (codes, for example {@code asr-training})
 * @param collectedOn the day the clip was received (a day, not a time: less to link by)
 * @param quality the figures of the automatic quality checks
 * @param consentRecordedByStaff whether the consent was recorded by staff from a signed paper form
 *     (rather than given by the contributor themselves), so a buyer can leave such clips out
 */
public record SampleMetadata(
        String promptText,
        String language,
        long frames,
        int sampleRate,
        int consentTermsVersion,
        Bytes consentTermsSha256,
        List<String> consentPurposes,
        LocalDate collectedOn,
        QualityFigures quality,
        boolean consentRecordedByStaff) {
    public SampleMetadata {
        requireNonNull(promptText, "promptText is null");
        requireNonNull(language, "language is null");
        if (frames < 0 || sampleRate <= 0 || consentTermsVersion < 1) {
            throw new IllegalArgumentException("frames, sample rate or terms version out of range");
        }
        requireNonNull(consentTermsSha256, "consentTermsSha256 is null");
        if (consentTermsSha256.length() != 32) {
            throw new IllegalArgumentException("consentTermsSha256 must be 32 bytes");
        }
        consentPurposes = List.copyOf(requireNonNull(consentPurposes, "consentPurposes is null"));
        requireNonNull(collectedOn, "collectedOn is null");
        requireNonNull(quality, "quality is null");
    }

    /** The clip's length in seconds. */
    public double durationSeconds() {
        return (double) frames / sampleRate;
    }
}

package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One sample as written into a shard: what the manifests and the resume state say of it. Holds no
 * clip id and no pseudonym, only the grant's names for them.
 *
 * @param wavBytes the length of {@code {key}.wav}
 */
public record DeliveredSample(
        String key,
        Bytes wavSha256,
        long wavBytes,
        Bytes jsonSha256,
        long ingestLedgerIndex,
        int consentTermsVersion,
        Bytes consentTermsSha256,
        int sampleRate,
        LocalDate collectedOn,
        boolean consentRecordedByStaff) {
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{1,64}");

    public DeliveredSample {
        requireNonNull(key, "key is null");
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("a sample key is 1 to 64 of [0-9a-f]");
        }
        requireNonNull(wavSha256, "wavSha256 is null");
        requireNonNull(jsonSha256, "jsonSha256 is null");
        requireNonNull(consentTermsSha256, "consentTermsSha256 is null");
        requireNonNull(collectedOn, "collectedOn is null");
        if (wavSha256.length() != 32 || jsonSha256.length() != 32 || consentTermsSha256.length() != 32) {
            throw new IllegalArgumentException("hashes are 32 bytes");
        }
        if (wavBytes < 0 || ingestLedgerIndex < 0 || consentTermsVersion < 1 || sampleRate <= 0) {
            throw new IllegalArgumentException("sample figures out of range");
        }
    }

    /** Whether a name is a valid sample key or speaker label. */
    static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }
}

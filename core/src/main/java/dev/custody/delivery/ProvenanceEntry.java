package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;

/**
 * What {@code provenance.json} says of one sample: where it is, the SHA-256 and length of its
 * delivered bytes, the consent terms it was given under (and whether staff recorded that consent
 * from a paper form), and the proof that its ingest was logged.
 */
public record ProvenanceEntry(
        String shard,
        String key,
        Bytes wavSha256,
        long wavBytes,
        Bytes jsonSha256,
        int consentTermsVersion,
        Bytes consentTermsSha256,
        boolean consentRecordedByStaff,
        LeafProof ingest) {
    public ProvenanceEntry {
        requireNonNull(shard, "shard is null");
        requireNonNull(key, "key is null");
        if (!Shard.NAME.matcher(shard).matches() || !DeliveredSample.validName(key)) {
            throw new IllegalArgumentException("malformed shard name or key");
        }
        requireNonNull(wavSha256, "wavSha256 is null");
        requireNonNull(jsonSha256, "jsonSha256 is null");
        requireNonNull(consentTermsSha256, "consentTermsSha256 is null");
        requireNonNull(ingest, "ingest is null");
        if (wavSha256.length() != 32 || jsonSha256.length() != 32 || consentTermsSha256.length() != 32) {
            throw new IllegalArgumentException("hashes are 32 bytes");
        }
        if (wavBytes < 0 || consentTermsVersion < 1) {
            throw new IllegalArgumentException("sample figures out of range");
        }
    }
}

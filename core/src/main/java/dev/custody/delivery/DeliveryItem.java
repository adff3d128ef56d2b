package dev.custody.delivery;

import static java.util.Objects.requireNonNull;

import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;

/**
 * One clip to deliver, as a {@link DeliverySource} hands it over. The clip id and the pseudonym
 * never reach the delivery: they only feed the grant's {@link DeliveryKeys}.
 *
 * @param clip the clip, for its sample key
 * @param speaker its contributor, for the speaker label
 * @param ingestLedgerIndex the index of the ledger entry that recorded the clip's ingest
 * @param metadata what the buyer learns of it
 * @param audio opens its verified plaintext, only when it is written
 */
public record DeliveryItem(
        ClipId clip, Pseudonym speaker, long ingestLedgerIndex, SampleMetadata metadata, AudioOpener audio) {
    public DeliveryItem {
        requireNonNull(clip, "clip is null");
        requireNonNull(speaker, "speaker is null");
        if (ingestLedgerIndex < 0) {
            throw new IllegalArgumentException("ingest ledger index is negative");
        }
        requireNonNull(metadata, "metadata is null");
        requireNonNull(audio, "audio is null");
    }
}

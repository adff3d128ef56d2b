package dev.custody.delivery;

import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;

/**
 * Names of one grant's samples and speakers: stable within the grant, unlinkable across grants, so
 * two buyers cannot join their datasets by key or by speaker, and no delivery names a clip id or a
 * pseudonym. Each name is 1 to 64 characters of {@code [0-9a-f]} (WebDataset keys hold no dot).
 * See {@link HmacDeliveryKeys} for the keyed hashes Custody uses.
 */
public interface DeliveryKeys {
    /** The sample key of a clip under this grant. */
    String sampleKey(ClipId clip);

    /** The speaker label of a contributor under this grant. */
    String speakerLabel(Pseudonym speaker);
}

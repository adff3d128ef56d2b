package dev.custody.delivery;

import dev.custody.clip.ClipId;

/** Opens a clip's verified plaintext audio through the custodian, for a {@link ClipDeliverySource}. */
@FunctionalInterface
public interface ClipOpener {
    /** The clip's audio as a WAV or FLAC file, exactly as verified. */
    byte[] open(ClipId clip);
}

package dev.custody.delivery;

/**
 * Opens one clip's plaintext audio, decrypted and verified (through the custodian, which checks the
 * purpose and logs the access). Called at most once per delivered clip, and only for clips not in a
 * shard that an earlier run finished. Whatever it throws ends the delivery run.
 */
@FunctionalInterface
public interface AudioOpener {
    /** The clip's audio as a WAV or FLAC file, exactly as verified; the caller may keep the array. */
    byte[] open();
}

package dev.custody.clip;

import static java.util.Objects.requireNonNull;

import dev.custody.audio.AudioContainer;

/**
 * Decrypted, verified audio of one clip, exactly as uploaded. Held in memory only for as long as
 * it takes to send it; never written to disk.
 */
public final class ClipAudio {
    private final Clip clip;
    private final byte[] original;

    ClipAudio(Clip clip, byte[] original) {
        this.clip = requireNonNull(clip, "clip is null");
        this.original = requireNonNull(original, "original is null");
    }

    public Clip clip() {
        return clip;
    }

    public String mediaType() {
        return clip.audio().container() == AudioContainer.FLAC ? "audio/flac" : "audio/wav";
    }

    /** A copy of the audio bytes. */
    public byte[] bytes() {
        return original.clone();
    }

    @Override
    public String toString() {
        return "ClipAudio[" + clip.id() + ", redacted]";
    }
}

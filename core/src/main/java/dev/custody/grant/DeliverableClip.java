package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.clip.Clip;

/** A clip a grant may deliver, with the consent terms (version and SHA-256) that cover it. */
public record DeliverableClip(Clip clip, int termsVersion, Bytes termsSha256) {
    public DeliverableClip {
        requireNonNull(clip, "clip is null");
        requireNonNull(termsSha256, "termsSha256 is null");
    }
}

package dev.custody.clip;

/** Where a clip is in its life. ERASED is final: its contributor's key is gone. */
public enum ClipState {
    /** Passed the automatic quality gate; awaits review. */
    PENDING_REVIEW,
    ACCEPTED,
    REJECTED,
    ERASED
}

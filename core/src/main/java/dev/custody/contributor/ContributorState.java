package dev.custody.contributor;

/** Whether a contributor's voice data can still be read. ERASED is final. */
public enum ContributorState {
    ACTIVE,
    ERASED
}

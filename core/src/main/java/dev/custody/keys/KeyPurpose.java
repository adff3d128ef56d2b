package dev.custody.keys;

/** What a key-encryption key protects. Each purpose has its own KEK, so one can be rotated or
 * destroyed without touching the other. */
public enum KeyPurpose {
    /** Wraps the contributors' voice data-encryption keys. */
    VOICE,
    /** Encrypts identity fields (name, e-mail, payout details). */
    IDENTITY
}

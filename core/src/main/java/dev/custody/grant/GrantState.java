package dev.custody.grant;

/**
 * Where a grant stands. Only an ACTIVE grant, before its expiry, delivers anything; SUSPENDED and
 * REVOKED deliver nothing, and REVOKED is final (its deliveries go to the revocation feed).
 */
public enum GrantState {
    ACTIVE,
    SUSPENDED,
    REVOKED
}

package dev.custody.grant;

/** Why an accepted clip of a grant's project is left out of the grant. */
public enum Exclusion {
    /** The contributor's consent to the project is withdrawn or missing. */
    NO_LIVE_CONSENT,
    /** The terms the contributor consented to do not allow one of the grant's purposes. */
    PURPOSE_NOT_ALLOWED,
    /** The terms the contributor consented to forbid one of the grant's purposes. */
    PURPOSE_FORBIDDEN
}

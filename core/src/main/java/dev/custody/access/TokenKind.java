package dev.custody.access;

/** How a token was issued. Stored by name, so a constant is never renamed. */
public enum TokenKind {
    /** Issued by signing in with a password (and TOTP): a bearer token, short-lived, with an idle timeout. */
    SESSION,
    /** Issued to a machine by an authenticated principal: expires at a chosen time, no idle timeout. */
    API,
    /**
     * Issued to a browser signing in with a form: carried only in a session cookie (never accepted as
     * a bearer token), so every request it authenticates passes the CSRF check; otherwise a session.
     */
    WEB_SESSION;

    /** Whether the token ends after {@link AccessTokens#SESSION_IDLE} unused. */
    boolean endsWhenIdle() {
        return this != API;
    }
}

package dev.custody.access;

/** How a bearer token was issued. Stored by name, so a constant is never renamed. */
public enum TokenKind {
    /** Issued by signing in with a password (and TOTP): short-lived, with an idle timeout. */
    SESSION,
    /** Issued to a machine by an authenticated principal: expires at a chosen time, no idle timeout. */
    API
}

package dev.custody.access;

import static java.util.Objects.requireNonNull;

/** A token just issued: its bearer secret, shown once and never stored, and its stored record. */
public record IssuedToken(String secret, AccessToken token) {
    public IssuedToken {
        requireNonNull(secret, "secret is null");
        requireNonNull(token, "token is null");
    }

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + "]";
    }
}

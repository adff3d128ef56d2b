package dev.custody.server.pages;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What every page's frame needs: the messages in the reader's language, the CSRF token of the
 * browser's session (empty when no cookie authenticated the request), the page's own script module,
 * and the role of who is signed in (empty on public pages), which chooses the navigation shown.
 */
public record Page(Messages m, String csrfToken, String script, Optional<String> role) {
    public Page {
        requireNonNull(m, "m is null");
        requireNonNull(csrfToken, "csrfToken is null");
        requireNonNull(script, "script is null");
        requireNonNull(role, "role is null");
    }

    public String language() {
        return m.language();
    }

    public boolean signedIn() {
        return role.isPresent();
    }

    public boolean is(String roleName) {
        return role.filter(roleName::equals).isPresent();
    }
}

package dev.custody.access;

/**
 * What a principal may do. The spine knows only the bootstrap administrator; the platform's roles
 * (contributor, client-admin, reviewer, ...) come with accounts.
 */
public enum Role {
    /** The installation's first administrator, holder of the one-time bootstrap token. */
    BOOTSTRAP_ADMIN
}

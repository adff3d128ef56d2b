package dev.custody.access;

import dev.custody.ledger.ActorRole;

/**
 * What a principal may do: the platform's roles (see the design's "People and roles") and the
 * installation's bootstrap administrator. Two roles belong to a client organization; every other
 * role belongs to the platform. Which routes each role may call is declared in one table in the
 * server; the services check roles again, as defense in depth.
 */
public enum Role {
    /** Joins projects, consents, records; sees their own data only. */
    CONTRIBUTOR(ActorRole.CONTRIBUTOR, false, false),
    /** Creates projects and manages the consumers of their own organization. */
    CLIENT_ADMIN(ActorRole.CLIENT_ADMIN, true, true),
    /** Exports datasets under a data-use grant of their own organization. */
    DATA_CONSUMER(ActorRole.DATA_CONSUMER, true, false),
    /** Listens to clips (logged) and accepts or rejects them. */
    REVIEWER(ActorRole.REVIEWER, false, true),
    /** Keys, posture audit, incidents, suspensions, erasure. */
    SECURITY_OFFICER(ActorRole.SECURITY_OFFICER, false, true),
    /** Users and configuration; no access to voice data. */
    OPERATOR(ActorRole.OPERATOR, false, true),
    /** Reads the ledger, checkpoints and reports; never plaintext. */
    AUDITOR(ActorRole.AUDITOR, false, false),
    /**
     * The installation's first administrator, holder of the one-time bootstrap token: it may call
     * every route the platform roles may (but holds no session or API token of its own), so that an
     * installation can be set up before any account exists. It has no account, no password and
     * cannot sign in.
     */
    BOOTSTRAP_ADMIN(ActorRole.BOOTSTRAP_ADMIN, false, false);

    private final ActorRole actorRole;
    private final boolean inOrganization;
    private final boolean requiresTotp;

    Role(ActorRole actorRole, boolean inOrganization, boolean requiresTotp) {
        this.actorRole = actorRole;
        this.inOrganization = inOrganization;
        this.requiresTotp = requiresTotp;
    }

    /** How the ledger names this role. */
    public ActorRole actorRole() {
        return actorRole;
    }

    /** Whether a holder of this role belongs to exactly one client organization. */
    public boolean inOrganization() {
        return inOrganization;
    }

    /** Whether signing in with this role needs a second factor (TOTP). */
    public boolean requiresTotp() {
        return requiresTotp;
    }
}

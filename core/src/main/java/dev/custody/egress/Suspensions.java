package dev.custody.egress;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.Identifiers;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.ledger.AccountChange;
import dev.custody.ledger.AccountChanged;
import dev.custody.ledger.Actor;
import dev.custody.ledger.PrincipalSuspended;
import dev.custody.ledger.SuspensionCause;
import dev.custody.store.MetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Suspends a principal the egress guard caught (a canary touched, a rate anomaly): in one
 * transaction its account is disabled, every session and token it holds is revoked, the suspension
 * is recorded and {@code PrincipalSuspended} appended to the ledger; then the alarm is raised. Only a
 * security officer reads the list and lifts a suspension (which enables the account again; its old
 * tokens stay revoked).
 */
public final class Suspensions {
    private static final Set<Role> READERS = Set.of(Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);

    private final MetadataStore metadata;
    private final SuspensionAlert alert;
    private final Clock clock;

    public Suspensions(MetadataStore metadata, SuspensionAlert alert, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.alert = requireNonNull(alert, "alert is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void suspend(Principal caught, SuspensionCause cause) {
        Instant now = clock.instant();
        metadata.inTransaction(r -> {
            var account =
                    AccountId.parse(caught.id()).flatMap(id -> r.accounts().find(id));
            account.ifPresent(found -> r.accounts().update(found.withDisabled(true)));
            r.accessTokens().revokeAll(caught.id(), now);
            r.suspensions()
                    .insert(new Suspension(
                            Identifiers.random("sus"), caught.id(), cause, now, Optional.empty(), Optional.empty()));
            r.ledger()
                    .append(
                            new PrincipalSuspended(caught.actor().id(), cause),
                            Actor.system(),
                            "egress-guard",
                            caught.requestId(),
                            now);
            return null;
        });
        alert.raise(caught.id(), cause, now);
    }

    public List<Suspension> list(Principal caller) {
        caller.require(READERS, "read suspensions");
        return metadata.inReadTransaction(r -> r.suspensions().all());
    }

    /** Lifts the principal's suspension; NOT_FOUND if none is in force. */
    public void lift(Principal caller, String principalId) {
        caller.require(Set.of(Role.SECURITY_OFFICER), "lift suspensions");
        Instant now = clock.instant();
        metadata.inTransaction(r -> {
            if (!r.suspensions().lift(principalId, caller.id(), now)) {
                throw CustodyException.notFound("no suspension in force for that principal");
            }
            AccountId.parse(principalId)
                    .flatMap(id -> r.accounts().find(id))
                    .ifPresent(found -> r.accounts().update(found.withDisabled(false)));
            r.ledger()
                    .append(
                            new AccountChanged(principalId, AccountChange.ENABLED),
                            caller.actor(),
                            "suspension-lifted",
                            caller.requestId(),
                            now);
            return null;
        });
    }
}

package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.access.Account;
import dev.custody.access.AccountId;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.access.Tenancy;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.keys.WrappedKey;
import dev.custody.ledger.GrantChange;
import dev.custody.ledger.GrantChanged;
import dev.custody.project.OrganizationId;
import dev.custody.project.Project;
import dev.custody.project.Purpose;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Data-use grants: a client-admin grants one data-consumer account of its own organization access to
 * a project's accepted clips, for purposes the project's terms allow, until an expiry, within
 * budgets, under the buyer's commitments; suspends and revokes them. Every change is a ledger entry
 * ({@code GrantChanged}) in the transaction that makes it.
 *
 * <p>Who sees a grant: the client-admins of its organization, its consumer, the security officer
 * (and the bootstrap administrator). To anyone else a grant answers {@code NOT_FOUND}, as one that
 * does not exist. A grant for another organization's account, or for an account that is not a data
 * consumer, is refused ({@code FORBIDDEN}, logged); a purpose the terms forbid or do not allow gets
 * {@code PURPOSE_NOT_CONSENTED}; a revoked grant changes no more ({@code CONFLICT}).
 *
 * <p>The delivery code calls {@link #contents} for what a grant may deliver now and {@link
 * #recordDelivery} for each clip it delivered; {@link #holders} answers who holds a clip.
 */
public final class GrantService {
    private static final Set<Role> GRANTORS = Set.of(Role.CLIENT_ADMIN, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> ENDERS = Set.of(Role.CLIENT_ADMIN, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final Set<Role> READERS =
            Set.of(Role.CLIENT_ADMIN, Role.DATA_CONSUMER, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN);
    private static final Duration MAX_TERM = Duration.ofDays(3 * 366);
    private static final int PAGE = 1_000;

    private final MetadataStore metadata;
    private final GrantKeys keys;
    private final Tenancy tenancy;
    private final Clock clock;

    public GrantService(MetadataStore metadata, GrantKeys keys, Tenancy tenancy, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.tenancy = requireNonNull(tenancy, "tenancy is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Grant create(Principal caller, OrganizationId organization, NewGrant request) {
        caller.require(GRANTORS, "grant access to data");
        caller.requireOwnOrganization(organization, "grant access to data");
        Instant now = clock.instant();
        if (!request.expiresAt().isAfter(now) || request.expiresAt().isAfter(now.plus(MAX_TERM))) {
            throw tenancy.refused(
                    caller, "grant", CustodyException.invalidInput("a grant expires in the future, within 3 years"));
        }
        GrantId id = GrantId.random();
        var sealed = keys.newSecret(id);
        Optional<Grant> created;
        try {
            created = insert(caller, organization, request, id, sealed, now);
        } catch (CustodyException e) {
            if (e.code() == ErrorCode.PURPOSE_NOT_CONSENTED || e.code() == ErrorCode.NOT_FOUND) {
                throw tenancy.refused(caller, "grant", e);
            }
            throw e;
        }
        return created.orElseThrow(() -> tenancy.deny(caller, "grant:consumer"));
    }

    private Optional<Grant> insert(
            Principal caller,
            OrganizationId organization,
            NewGrant request,
            GrantId id,
            WrappedKey sealed,
            Instant now) {
        return metadata.inTransaction(r -> {
            Project project = r.projects()
                    .find(request.project())
                    .filter(found -> found.organization().equals(organization))
                    .orElseThrow(() -> CustodyException.notFound("no such project in this organization"));
            if (!isConsumerOf(r.accounts().find(request.consumer()), organization)) {
                return Optional.<Grant>empty();
            }
            requireAllowed(project, request.purposes());
            Grant grant = new Grant(
                    id,
                    organization,
                    project.id(),
                    request.consumer(),
                    request.purposes(),
                    request.expiresAt(),
                    request.budget(),
                    request.commitments(),
                    GrantState.ACTIVE,
                    now);
            r.grants().insert(grant, sealed);
            log(r, caller, grant, GrantChange.CREATED);
            return Optional.of(grant);
        });
    }

    /** The grant, to those who may see it; NOT_FOUND to anyone else. */
    public Grant find(Principal caller, GrantId id) {
        caller.require(READERS, "read grants");
        return metadata.inReadTransaction(r -> visible(r, caller, id));
    }

    public List<Grant> ofOrganization(Principal caller, OrganizationId organization) {
        caller.require(Set.of(Role.CLIENT_ADMIN, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN), "list grants");
        caller.requireOwnOrganization(organization, "list grants");
        return metadata.inReadTransaction(r -> r.grants().byOrganization(organization));
    }

    /** The calling data consumer's own grants. */
    public List<Grant> mine(Principal caller) {
        caller.require(Set.of(Role.DATA_CONSUMER), "list their grants");
        return metadata.inReadTransaction(r -> r.grants().byConsumer(new AccountId(caller.id())));
    }

    public Grant suspend(Principal caller, GrantId id) {
        return change(caller, id, GrantState.SUSPENDED, GrantChange.SUSPENDED);
    }

    public Grant revoke(Principal caller, GrantId id) {
        return change(caller, id, GrantState.REVOKED, GrantChange.REVOKED);
    }

    /**
     * What the grant may deliver now: its project's accepted, unerased clips whose consent covers
     * every purpose of the grant, and how many accepted clips are left out and why. {@code
     * GRANT_INACTIVE} for an expired, suspended or revoked grant.
     */
    public GrantContents contents(Principal caller, GrantId id) {
        caller.require(READERS, "read grants");
        return metadata.inReadTransaction(r -> {
            Grant grant = visible(r, caller, id);
            if (!grant.deliversAt(clock.instant())) {
                throw inactive();
            }
            return contents(r, grant);
        });
    }

    /** How many accepted clips the grant leaves out, by reason (also for an inactive grant). */
    public Map<Exclusion, Long> exclusions(Principal caller, GrantId id) {
        caller.require(READERS, "read grants");
        return metadata.inReadTransaction(
                r -> contents(r, visible(r, caller, id)).excluded());
    }

    /** Records that the clip was delivered under the grant (the delivery code calls it once per clip). */
    public void recordDelivery(GrantId grant, ClipId clip) {
        metadata.inTransaction(r -> {
            r.grants().recordDelivery(grant, clip, clock.instant());
            return null;
        });
    }

    /** The grants the clip was delivered under. */
    public List<GrantId> holders(ClipId clip) {
        return metadata.inReadTransaction(r -> r.grants().holders(clip));
    }

    private static GrantContents contents(Repositories r, Grant grant) {
        List<DeliverableClip> deliverable = new ArrayList<>();
        Map<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
        Optional<ClipId> after = Optional.empty();
        List<Clip> page;
        do {
            page = r.clips().accepted(grant.project(), after, PAGE);
            for (Clip clip : page) {
                if (r.suspensions().isCanary(clip.id())) {
                    continue;
                }
                var coverage = ConsentCoverage.of(r, clip, grant.purposes());
                coverage.gap()
                        .ifPresentOrElse(
                                gap -> excluded.merge(gap, 1L, Long::sum),
                                () -> deliverable.add(
                                        new DeliverableClip(clip, coverage.termsVersion(), coverage.termsSha256())));
            }
            after = page.isEmpty() ? after : Optional.of(page.getLast().id());
        } while (page.size() == PAGE);
        return new GrantContents(deliverable, excluded);
    }

    private Grant change(Principal caller, GrantId id, GrantState state, GrantChange change) {
        caller.require(ENDERS, "change grants");
        return metadata.inTransaction(r -> {
            Grant grant = visible(r, caller, id);
            if (grant.state() == GrantState.REVOKED || grant.state() == state) {
                throw new CustodyException(
                        ErrorCode.CONFLICT,
                        "the grant is " + grant.state().name().toLowerCase());
            }
            r.grants().setState(id, state);
            Grant changed = grant.withState(state);
            log(r, caller, changed, change);
            return changed;
        });
    }

    private Grant visible(Repositories r, Principal caller, GrantId id) {
        return r.grants()
                .find(id)
                .filter(grant -> switch (caller.role()) {
                    case DATA_CONSUMER -> grant.consumer().value().equals(caller.id());
                    case CLIENT_ADMIN -> caller.organization().equals(Optional.of(grant.organization()));
                    case SECURITY_OFFICER, BOOTSTRAP_ADMIN -> true;
                    case CONTRIBUTOR, REVIEWER, OPERATOR, AUDITOR -> false;
                })
                .orElseThrow(() -> CustodyException.notFound("no such grant"));
    }

    private static boolean isConsumerOf(Optional<Account> account, OrganizationId organization) {
        return account.filter(found -> found.role() == Role.DATA_CONSUMER
                        && found.organization().equals(Optional.of(organization))
                        && !found.disabled())
                .isPresent();
    }

    private static void requireAllowed(Project project, Set<Purpose> purposes) {
        for (Purpose purpose : purposes) {
            if (!project.purposes().allows(purpose)) {
                throw new CustodyException(
                        ErrorCode.PURPOSE_NOT_CONSENTED,
                        "the project's consent terms do not allow the purpose " + purpose.code());
            }
        }
    }

    private void log(Repositories r, Principal caller, Grant grant, GrantChange change) {
        r.ledger()
                .append(
                        new GrantChanged(
                                grant.id().value(),
                                grant.project().value(),
                                grant.consumer().value(),
                                change,
                                grant.termsSha256()),
                        caller.actor(),
                        "grant",
                        caller.requestId(),
                        clock.instant());
    }

    private static CustodyException inactive() {
        return new CustodyException(ErrorCode.GRANT_INACTIVE, "the grant is expired, suspended or revoked");
    }
}

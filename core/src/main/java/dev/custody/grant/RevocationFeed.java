package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.access.Principal;
import dev.custody.access.Role;
import dev.custody.clip.Clip;
import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;
import dev.custody.ledger.CheckpointSigners;
import dev.custody.store.MetadataStore;
import dev.custody.store.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each grant's revocation feed (GDPR Art. 17 and 19): the delivered keys its buyer must delete, in
 * an append-only sequence, served as signed pages ({@link RevocationFeedFormat}) read with a cursor.
 * Before each read the feed is brought up to date from the data: a delivered clip that was erased
 * (erasure, withdrawal, retention expiry), whose consent was withdrawn, or whose grant was revoked is
 * appended once. The buyer acknowledges deletions; those unacknowledged past the grant's deadline
 * ({@link BuyerCommitments#deleteWithinDays}) are listed for the client-admin and the security
 * officer.
 */
public final class RevocationFeed {
    /** Entries per page at most. */
    public static final int MAX_PAGE = 1_000;

    private final MetadataStore metadata;
    private final GrantService grants;
    private final GrantKeys keys;
    private final CheckpointSigners signers;
    private final Clock clock;

    public RevocationFeed(
            MetadataStore metadata, GrantService grants, GrantKeys keys, CheckpointSigners signers, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.signers = requireNonNull(signers, "signers is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A signed page of the grant's feed after {@code after}; the grant's readers only (NOT_FOUND else). */
    public String read(Principal caller, GrantId id, long after, int limit) {
        if (after < 0 || limit < 1 || limit > MAX_PAGE) {
            throw CustodyException.invalidInput("after is at least 0 and limit 1 to " + MAX_PAGE);
        }
        Grant grant = grants.find(caller, id);
        bringUpToDate(grant);
        List<Revocation> page = metadata.inReadTransaction(r -> r.grants().revocations(id, after, limit));
        return RevocationFeedFormat.sign(signers, id, after, page);
    }

    /** The buyer's acknowledgment that it deleted these entries; answers how many were new. */
    public int acknowledge(Principal caller, GrantId id, Set<Long> sequences) {
        caller.require(Set.of(Role.DATA_CONSUMER), "acknowledge deletions");
        grants.find(caller, id);
        Instant now = clock.instant();
        return metadata.inTransaction(r -> r.grants().acknowledge(id, sequences, now));
    }

    /** Revocations unacknowledged past their deadline: the caller's organization's, or all for the security officer. */
    public List<Revocation> overdue(Principal caller) {
        caller.require(
                Set.of(Role.CLIENT_ADMIN, Role.SECURITY_OFFICER, Role.BOOTSTRAP_ADMIN), "read overdue deletions");
        List<Grant> scope = metadata.inReadTransaction(r -> r.grants().all()).stream()
                .filter(grant ->
                        caller.organization().map(grant.organization()::equals).orElse(true))
                .toList();
        scope.forEach(this::bringUpToDate);
        Set<GrantId> ids = scope.stream().map(Grant::id).collect(java.util.stream.Collectors.toSet());
        return metadata.inReadTransaction(r -> r.grants().overdue(clock.instant())).stream()
                .filter(revocation -> ids.contains(revocation.grant()))
                .toList();
    }

    /** Appends every delivered clip of the grant that must now be deleted and is not in the feed yet. */
    void bringUpToDate(Grant grant) {
        try (GrantKeys.Keyed keyed = keys.open(grant.id())) {
            Instant now = clock.instant();
            metadata.inTransaction(r -> {
                Set<ClipId> revoked = r.grants().revokedClips(grant.id());
                for (ClipId clip : r.grants().delivered(grant.id())) {
                    if (!revoked.contains(clip)) {
                        reason(r, grant, clip)
                                .ifPresent(reason -> r.grants()
                                        .appendRevocation(grant.id(), clip, keyed.sampleKey(clip), reason, now));
                    }
                }
                return null;
            });
        }
    }

    private static Optional<RevocationReason> reason(Repositories r, Grant grant, ClipId id) {
        Optional<Clip> clip = r.clips().find(id);
        if (clip.isEmpty() || clip.get().state() == ClipState.ERASED) {
            return Optional.of(RevocationReason.ERASED);
        }
        boolean consented = r.consents()
                .latest(clip.get().contributor(), clip.get().project())
                .filter(consent -> consent.withdrawnAt().isEmpty())
                .isPresent();
        if (!consented) {
            return Optional.of(RevocationReason.CONSENT_WITHDRAWN);
        }
        if (grant.state() == GrantState.REVOKED) {
            return Optional.of(RevocationReason.GRANT_REVOKED);
        }
        return Optional.empty();
    }
}

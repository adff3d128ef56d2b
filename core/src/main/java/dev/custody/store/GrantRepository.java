package dev.custody.store;

import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantState;
import dev.custody.grant.Revocation;
import dev.custody.grant.RevocationReason;
import dev.custody.keys.WrappedKey;
import dev.custody.project.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Data-use grants, each with its secret sealed under the IDENTITY KEK (see {@link
 * dev.custody.grant.GrantKeys}), and the record of which clip was delivered under which grant.
 */
public interface GrantRepository {
    /** Fails CONFLICT if the id is taken. */
    void insert(Grant grant, WrappedKey sealedSecret);

    Optional<Grant> find(GrantId id);

    /** The organization's grants, newest first. */
    List<Grant> byOrganization(OrganizationId organization);

    /** The consumer account's grants, newest first. */
    List<Grant> byConsumer(AccountId consumer);

    /** Sets the grant's state; false if there is no such grant. */
    boolean setState(GrantId id, GrantState state);

    Optional<WrappedKey> sealedSecret(GrantId id);

    /** Records that the clip was delivered under the grant; a second delivery of the same clip keeps the first time. */
    void recordDelivery(GrantId grant, ClipId clip, Instant at);

    /** The grants the clip was delivered under, by one indexed query: who holds this clip. */
    List<GrantId> holders(ClipId clip);

    /** The clips delivered under the grant, in clip-id order. */
    List<ClipId> delivered(GrantId grant);

    /** Every grant, newest first. */
    List<Grant> all();

    /**
     * Appends a revocation of a delivered clip to the grant's feed with the next sequence number;
     * nothing if that clip is in the feed already. Answers whether it appended.
     */
    boolean appendRevocation(GrantId grant, ClipId clip, String sampleKey, RevocationReason reason, Instant at);

    /** The clips already in the grant's feed. */
    Set<ClipId> revokedClips(GrantId grant);

    /** Up to {@code limit} entries of the grant's feed after sequence {@code after}, in order. */
    List<Revocation> revocations(GrantId grant, long after, int limit);

    /** Marks the grant's entries with these sequence numbers acknowledged (once); answers how many changed. */
    int acknowledge(GrantId grant, Set<Long> sequences, Instant at);

    /** Unacknowledged entries past their grant's deletion deadline at {@code now}, oldest first. */
    List<Revocation> overdue(Instant now);
}

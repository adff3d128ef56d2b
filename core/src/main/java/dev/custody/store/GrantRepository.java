package dev.custody.store;

import dev.custody.access.AccountId;
import dev.custody.clip.ClipId;
import dev.custody.grant.Grant;
import dev.custody.grant.GrantId;
import dev.custody.grant.GrantState;
import dev.custody.keys.WrappedKey;
import dev.custody.project.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
}

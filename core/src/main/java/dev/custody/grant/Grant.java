package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.Sha256;
import dev.custody.access.AccountId;
import dev.custody.project.OrganizationId;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data-use agreement: one data-consumer account of an organization may receive the accepted clips
 * of one of its projects, for the purposes named (at least one), until {@code expiresAt}, within its
 * budget, under the buyer's commitments. Its per-grant secret is stored apart (sealed) and never part
 * of this record.
 */
public record Grant(
        GrantId id,
        OrganizationId organization,
        ProjectId project,
        AccountId consumer,
        Set<Purpose> purposes,
        Instant expiresAt,
        GrantBudget budget,
        BuyerCommitments commitments,
        GrantState state,
        Instant createdAt) {
    public Grant {
        requireNonNull(id, "id is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(project, "project is null");
        requireNonNull(consumer, "consumer is null");
        purposes = Set.copyOf(requireNonNull(purposes, "purposes is null"));
        if (purposes.isEmpty()) {
            throw CustodyException.invalidInput("a grant names at least one purpose");
        }
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(budget, "budget is null");
        requireNonNull(commitments, "commitments is null");
        requireNonNull(state, "state is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** Whether the grant delivers at {@code now}: active and not expired. */
    public boolean deliversAt(Instant now) {
        return state == GrantState.ACTIVE && now.isBefore(expiresAt);
    }

    public Grant withState(GrantState newState) {
        return new Grant(
                id, organization, project, consumer, purposes, expiresAt, budget, commitments, newState, createdAt);
    }

    /**
     * The SHA-256 of what was agreed, as the ledger records it: UTF-8 lines {@code key=value} in this
     * order: id, organization, project, consumer, purposes (codes sorted, comma-separated), expires
     * (epoch milliseconds), the six budget figures, the four commitments.
     */
    public Bytes termsSha256() {
        String purposeCodes = purposes.stream().map(Purpose::code).sorted().collect(Collectors.joining(","));
        String text = "custody-grant/1\nid=" + id + "\norganization=" + organization + "\nproject=" + project
                + "\nconsumer=" + consumer + "\npurposes=" + purposeCodes + "\nexpires=" + expiresAt.toEpochMilli()
                + "\nbytes=" + budget.bytesPerHour() + "," + budget.bytesPerDay() + "," + budget.bytesTotal()
                + "\nclips=" + budget.clipsPerHour() + "," + budget.clipsPerDay() + "," + budget.clipsTotal()
                + "\ndelete-within-days=" + commitments.deleteWithinDays() + "\nencryption-at-rest="
                + commitments.encryptionAtRest() + "\nno-reidentification=" + commitments.noReidentification()
                + "\nno-onward-transfer=" + commitments.noOnwardTransfer() + "\n";
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}

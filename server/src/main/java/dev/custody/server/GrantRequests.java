package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.access.AccountId;
import dev.custody.grant.BuyerCommitments;
import dev.custody.grant.GrantBudget;
import dev.custody.grant.NewGrant;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON shape of a grant request, and its translation into a {@link NewGrant}, naming the first bad field. */
final class GrantRequests {
    private GrantRequests() {}

    /** A grant as a client-admin asks for it; {@code expiresAt} is an ISO-8601 instant. */
    record CreateGrant(
            String project,
            String consumer,
            List<String> purposes,
            String expiresAt,
            Budget budget,
            Commitments commitments) {}

    record Budget(
            Long bytesPerHour,
            Long bytesPerDay,
            Long bytesTotal,
            Long clipsPerHour,
            Long clipsPerDay,
            Long clipsTotal) {}

    record Commitments(
            Integer deleteWithinDays, Boolean encryptionAtRest, Boolean noReidentification, Boolean noOnwardTransfer) {}

    static NewGrant grant(CreateGrant request) {
        Budget budget = required(request.budget(), "budget");
        Commitments commitments = required(request.commitments(), "commitments");
        return new NewGrant(
                new ProjectId(required(request.project(), "project")),
                new AccountId(required(request.consumer(), "consumer")),
                purposes(required(request.purposes(), "purposes")),
                instant(required(request.expiresAt(), "expiresAt")),
                new GrantBudget(
                        required(budget.bytesPerHour(), "budget.bytesPerHour"),
                        required(budget.bytesPerDay(), "budget.bytesPerDay"),
                        required(budget.bytesTotal(), "budget.bytesTotal"),
                        required(budget.clipsPerHour(), "budget.clipsPerHour"),
                        required(budget.clipsPerDay(), "budget.clipsPerDay"),
                        required(budget.clipsTotal(), "budget.clipsTotal")),
                new BuyerCommitments(
                        required(commitments.deleteWithinDays(), "commitments.deleteWithinDays"),
                        required(commitments.encryptionAtRest(), "commitments.encryptionAtRest"),
                        required(commitments.noReidentification(), "commitments.noReidentification"),
                        required(commitments.noOnwardTransfer(), "commitments.noOnwardTransfer")));
    }

    private static Set<Purpose> purposes(List<String> codes) {
        if (codes.contains(null)) {
            throw CustodyException.invalidInput("a purpose is null");
        }
        return codes.stream().map(Purpose::of).collect(Collectors.toSet());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CustodyException.invalidInput("expiresAt must be an ISO-8601 instant, such as 2027-01-31T00:00:00Z");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw CustodyException.invalidInput(field + " is required");
        }
        return value;
    }
}

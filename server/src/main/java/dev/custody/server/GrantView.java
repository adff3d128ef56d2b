package dev.custody.server;

import dev.custody.grant.Exclusion;
import dev.custody.grant.Grant;
import dev.custody.project.Purpose;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grant as the API shows it: its terms, its state and, for one grant, how many accepted clips it
 * leaves out by reason. Never its secret.
 */
record GrantView(
        String id,
        String organization,
        String project,
        String consumer,
        List<String> purposes,
        String expiresAt,
        GrantRequests.Budget budget,
        GrantRequests.Commitments commitments,
        String state,
        String createdAt,
        Map<String, Long> excluded) {
    static GrantView of(Grant grant) {
        return of(grant, Map.of());
    }

    static GrantView of(Grant grant, Map<Exclusion, Long> excluded) {
        var budget = grant.budget();
        var commitments = grant.commitments();
        Map<String, Long> reasons = new TreeMap<>();
        excluded.forEach((reason, count) -> reasons.put(reason.name(), count));
        return new GrantView(
                grant.id().value(),
                grant.organization().value(),
                grant.project().value(),
                grant.consumer().value(),
                grant.purposes().stream().sorted().map(Purpose::code).toList(),
                grant.expiresAt().toString(),
                new GrantRequests.Budget(
                        budget.bytesPerHour(),
                        budget.bytesPerDay(),
                        budget.bytesTotal(),
                        budget.clipsPerHour(),
                        budget.clipsPerDay(),
                        budget.clipsTotal()),
                new GrantRequests.Commitments(
                        commitments.deleteWithinDays(),
                        commitments.encryptionAtRest(),
                        commitments.noReidentification(),
                        commitments.noOnwardTransfer()),
                grant.state().name(),
                grant.createdAt().toString(),
                reasons);
    }
}

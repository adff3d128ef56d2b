package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a grant covers now: the deliverable clips (accepted, unerased, consented for every purpose
 * of the grant), in clip-id order, and how many accepted clips are left out, by reason.
 */
public record GrantContents(List<DeliverableClip> deliverable, Map<Exclusion, Long> excluded) {
    public GrantContents {
        deliverable = List.copyOf(requireNonNull(deliverable, "deliverable is null"));
        excluded = Map.copyOf(requireNonNull(excluded, "excluded is null"));
    }
}

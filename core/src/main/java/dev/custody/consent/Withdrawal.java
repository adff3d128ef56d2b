package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.contributor.ConsentRecord;
import java.util.List;

/** What a withdrawal did: the consents it withdrew and how many recordings it erased. */
public record Withdrawal(List<ConsentRecord> withdrawn, int erasedClips) {
    public Withdrawal {
        withdrawn = List.copyOf(requireNonNull(withdrawn, "withdrawn is null"));
        if (erasedClips < 0) {
            throw new IllegalArgumentException("erasedClips is negative");
        }
    }
}

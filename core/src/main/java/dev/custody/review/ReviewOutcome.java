package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.clip.ClipId;
import dev.custody.clip.ClipState;

/**
 * What a verdict left behind: the clip's state, how many distinct reviewers have accepted it and
 * how many the project requires.
 */
public record ReviewOutcome(ClipId clip, ClipState state, int acceptances, int required) {
    public ReviewOutcome {
        requireNonNull(clip, "clip is null");
        requireNonNull(state, "state is null");
    }
}

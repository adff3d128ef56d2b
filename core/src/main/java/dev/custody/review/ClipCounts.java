package dev.custody.review;

import static java.util.Objects.requireNonNull;

import dev.custody.project.ProjectId;
import java.util.List;

/**
 * A project's clips over time and per prompt: per day of their recording (days since the epoch,
 * UTC) and per prompt index, both in ascending order, keys without clips left out.
 */
public record ClipCounts(ProjectId project, List<ClipCount> byDay, List<ClipCount> byPrompt) {
    public ClipCounts {
        requireNonNull(project, "project is null");
        byDay = List.copyOf(byDay);
        byPrompt = List.copyOf(byPrompt);
    }
}

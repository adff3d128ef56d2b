package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.audio.AudioLimits;
import java.time.Duration;
import java.util.List;

/**
 * A project as its creator describes it; {@link Project} validates every field when it is made.
 */
public record NewProject(
        String name,
        List<String> prompts,
        int consentTermsVersion,
        Duration retention,
        AudioLimits limits,
        Commission commission,
        Purposes purposes) {
    public NewProject {
        requireNonNull(name, "name is null");
        prompts = List.copyOf(requireNonNull(prompts, "prompts is null"));
        requireNonNull(retention, "retention is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(commission, "commission is null");
        requireNonNull(purposes, "purposes is null");
    }
}

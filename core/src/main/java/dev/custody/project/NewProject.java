package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.audio.AudioLimits;
import dev.custody.consent.TermsDraft;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A project as its creator describes it; {@link Project} validates every field when it is made. The
 * consent terms, if given, are published as the version the project requires; without them the
 * project starts with {@link dev.custody.consent.StandardTerms}.
 */
public record NewProject(
        String name,
        List<String> prompts,
        int consentTermsVersion,
        Duration retention,
        AudioLimits limits,
        Commission commission,
        Purposes purposes,
        Optional<TermsDraft> terms) {
    public NewProject {
        requireNonNull(name, "name is null");
        prompts = List.copyOf(requireNonNull(prompts, "prompts is null"));
        requireNonNull(retention, "retention is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(commission, "commission is null");
        requireNonNull(purposes, "purposes is null");
        requireNonNull(terms, "terms is null");
    }

    /** A project that starts with the standard terms. */
    public NewProject(
            String name,
            List<String> prompts,
            int consentTermsVersion,
            Duration retention,
            AudioLimits limits,
            Commission commission,
            Purposes purposes) {
        this(name, prompts, consentTermsVersion, retention, limits, commission, purposes, Optional.empty());
    }
}

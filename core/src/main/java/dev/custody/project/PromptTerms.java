package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.audio.AudioLimits;
import java.util.Optional;

/**
 * What a recording of one prompt of a project must meet, read without the project's other prompts
 * (a project may have 100,000): the prompt's text (empty if the project has no such prompt), the
 * version of the consent terms the project requires, and its audio limits.
 */
public record PromptTerms(Optional<String> prompt, int consentTermsVersion, AudioLimits limits) {
    public PromptTerms {
        requireNonNull(prompt, "prompt is null");
        requireNonNull(limits, "limits is null");
    }
}

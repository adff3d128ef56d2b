package dev.custody.project;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.TextField;
import dev.custody.audio.AudioLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recording project of one organization: the prompts to read, the version of the consent terms
 * a contributor must have accepted, how long recordings are kept (at most 3 years), and the audio
 * limits its clips must meet.
 */
public record Project(
        ProjectId id,
        OrganizationId organization,
        String name,
        List<String> prompts,
        int consentTermsVersion,
        Duration retention,
        AudioLimits limits,
        Instant createdAt) {
    public static final Duration MAX_RETENTION = Duration.ofDays(3 * 365);

    public Project {
        requireNonNull(id, "id is null");
        requireNonNull(organization, "organization is null");
        TextField.require(name, "project name", 200);
        prompts = List.copyOf(requireNonNull(prompts, "prompts is null"));
        if (prompts.isEmpty() || prompts.size() > 100_000) {
            throw CustodyException.invalidInput("a project needs between 1 and 100000 prompts");
        }
        prompts.forEach(prompt -> TextField.require(prompt, "prompt", 2_000));
        if (consentTermsVersion < 1) {
            throw CustodyException.invalidInput("consent terms version must be positive");
        }
        requireNonNull(retention, "retention is null");
        if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
            throw CustodyException.invalidInput("retention must be between 1 day and 3 years");
        }
        requireNonNull(limits, "limits is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public String prompt(int index) {
        if (index < 0 || index >= prompts.size()) {
            throw CustodyException.invalidInput("no prompt " + index + " in this project");
        }
        return prompts.get(index);
    }
}

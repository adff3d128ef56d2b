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
 * a contributor must have accepted, how long recordings are kept (at most 3 years), the audio
 * limits its clips must meet, what the client commissions (language, counts, pay) and the purposes
 * the recordings may and may not serve.
 */
public record Project(
        ProjectId id,
        OrganizationId organization,
        String name,
        List<String> prompts,
        int consentTermsVersion,
        Duration retention,
        AudioLimits limits,
        Commission commission,
        Purposes purposes,
        Instant createdAt) {
    public static final Duration MAX_RETENTION = Duration.ofDays(3 * 365);
    public static final int MAX_PROMPTS = 100_000;
    public static final int MAX_PROMPT_LENGTH = 2_000;

    public Project {
        requireNonNull(id, "id is null");
        requireNonNull(organization, "organization is null");
        TextField.require(name, "project name", 200);
        prompts = List.copyOf(requireNonNull(prompts, "prompts is null"));
        if (prompts.isEmpty() || prompts.size() > MAX_PROMPTS) {
            throw CustodyException.invalidInput("a project needs between 1 and " + MAX_PROMPTS + " prompts");
        }
        prompts.forEach(prompt -> TextField.require(prompt, "prompt", MAX_PROMPT_LENGTH));
        if (consentTermsVersion < 1) {
            throw CustodyException.invalidInput("consent terms version must be positive");
        }
        requireNonNull(retention, "retention is null");
        if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
            throw CustodyException.invalidInput("retention must be between 1 day and 3 years");
        }
        requireNonNull(limits, "limits is null");
        requireNonNull(commission, "commission is null");
        requireNonNull(purposes, "purposes is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A project as described by its creator, with a fresh id, owned by {@code organization}. */
    public static Project create(OrganizationId organization, NewProject plan, Instant createdAt) {
        requireNonNull(plan, "plan is null");
        return new Project(
                ProjectId.random(),
                organization,
                plan.name(),
                plan.prompts(),
                plan.consentTermsVersion(),
                plan.retention(),
                plan.limits(),
                plan.commission(),
                plan.purposes(),
                createdAt);
    }

    public String prompt(int index) {
        if (index < 0 || index >= prompts.size()) {
            throw CustodyException.invalidInput("no prompt " + index + " in this project");
        }
        return prompts.get(index);
    }
}

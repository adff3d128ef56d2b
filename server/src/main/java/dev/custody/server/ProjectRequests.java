package dev.custody.server;

import dev.custody.CustodyException;
import dev.custody.Money;
import dev.custody.audio.AudioLimits;
import dev.custody.project.Commission;
import dev.custody.project.NewProject;
import dev.custody.project.PromptImport;
import dev.custody.project.Purposes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns a project request into a plan, naming the first missing or malformed field. */
final class ProjectRequests {
    private ProjectRequests() {}

    static NewProject plan(Requests.CreateProject request) {
        return new NewProject(
                Objects.requireNonNullElse(request.name(), ""),
                prompts(request),
                required(request.consentTermsVersion(), "consentTermsVersion"),
                Duration.ofDays(required(request.retentionDays(), "retentionDays")),
                AudioLimits.DEFAULT,
                new Commission(
                        required(request.language(), "language"),
                        required(request.targetClips(), "targetClips"),
                        Objects.requireNonNullElse(request.clipsPerPrompt(), 1),
                        Objects.requireNonNullElse(request.reviewCount(), 1),
                        Money.parse(
                                required(request.payPerAcceptedClip(), "payPerAcceptedClip"),
                                required(request.currency(), "currency"))),
                Purposes.of(
                        required(request.purposesAllowed(), "purposesAllowed"),
                        Objects.requireNonNullElse(request.purposesForbidden(), List.of())),
                Optional.ofNullable(request.terms()).map(TermsRequests::draft));
    }

    private static List<String> prompts(Requests.CreateProject request) {
        long given = Stream.of(request.prompts(), request.promptsText(), request.promptsCsv())
                .filter(Objects::nonNull)
                .count();
        if (given != 1) {
            throw CustodyException.invalidInput("give exactly one of prompts, promptsText and promptsCsv");
        }
        if (request.promptsText() != null) {
            return PromptImport.parse(request.promptsText(), PromptImport.Format.TEXT);
        }
        if (request.promptsCsv() != null) {
            return PromptImport.parse(request.promptsCsv(), PromptImport.Format.CSV);
        }
        if (request.prompts().contains(null)) {
            throw CustodyException.invalidInput("a prompt is null");
        }
        return request.prompts();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw CustodyException.invalidInput(field + " is required");
        }
        return value;
    }
}

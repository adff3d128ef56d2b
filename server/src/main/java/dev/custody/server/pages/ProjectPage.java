package dev.custody.server.pages;

import static java.util.Objects.requireNonNull;

import dev.custody.project.Project;
import java.util.List;

/** A project as its recording and review pages show it: its name, language and prompts. */
public record ProjectPage(String id, String name, String language, List<String> prompts) {
    public ProjectPage {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(language, "language is null");
        prompts = List.copyOf(prompts);
    }

    public static ProjectPage of(Project project) {
        return new ProjectPage(
                project.id().value(), project.name(), project.commission().language(), project.prompts());
    }
}

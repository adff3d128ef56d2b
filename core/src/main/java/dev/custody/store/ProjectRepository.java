package dev.custody.store;

import dev.custody.project.Project;
import dev.custody.project.ProjectId;
import java.util.Optional;

public interface ProjectRepository {
    void insert(Project project);

    Optional<Project> find(ProjectId id);
}

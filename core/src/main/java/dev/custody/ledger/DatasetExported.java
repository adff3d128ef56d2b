package dev.custody.ledger;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.project.ProjectId;
import java.util.List;

/**
 * A dataset was exported under a grant; {@code manifestHash} is the SHA-256 of the signed provenance
 * manifest.
 */
public record DatasetExported(
        String exportId, String grantId, ProjectId project, long clipCount, long byteCount, Bytes manifestHash)
        implements LedgerEvent {
    public DatasetExported {
        LedgerText.require(exportId, "exportId");
        LedgerText.require(grantId, "grantId");
        requireNonNull(project, "project is null");
        requireNonNull(manifestHash, "manifestHash is null");
    }

    @Override
    public Action action() {
        return Action.DATASET_EXPORTED;
    }

    @Override
    public List<Subject> subjects() {
        return List.of(
                new Subject(SubjectKind.EXPORT, exportId),
                new Subject(SubjectKind.GRANT, grantId),
                new Subject(SubjectKind.PROJECT, project.value()));
    }

    @Override
    public Bytes details() {
        return DetailsWriter.of(action())
                .text(exportId)
                .text(grantId)
                .text(project)
                .number(clipCount)
                .number(byteCount)
                .hash(manifestHash)
                .build();
    }
}

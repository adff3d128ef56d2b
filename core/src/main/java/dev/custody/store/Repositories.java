package dev.custody.store;

/** The repositories of one transaction. Valid only inside the work it was passed to. */
public interface Repositories {
    OrganizationRepository organizations();

    ProjectRepository projects();

    ContributorRepository contributors();

    ConsentRepository consents();

    ClipRepository clips();

    BlobDeletionQueue blobDeletions();

    SettingsRepository settings();
}

package dev.custody.compliance;

import dev.custody.compliance.RecordsOfProcessing.Category;
import dev.custody.compliance.RecordsOfProcessing.DataCategory;
import dev.custody.project.Organization;
import java.util.List;

/** What every project processes, about whom, and who receives it: the same for every project of an installation. */
final class ProcessingCategories {
    static final List<DataCategory> PERSONAL_DATA = List.of(
            new DataCategory(
                    "voice recordings",
                    "the clips contributors record, read from the project's prompts: biometric data, from which a"
                            + " speaker can be recognised",
                    true,
                    "encrypted under the contributor's own key; opened only through the custodian, which checks"
                            + " authorization and erasure and logs every opening"),
            new DataCategory(
                    "identity",
                    "each contributor's name and e-mail address",
                    false,
                    "sealed field by field under the identity key, in tables apart from the recordings, which"
                            + " refer to people by pseudonym only"),
            new DataCategory(
                    "consent records",
                    "which version of the project's terms each contributor accepted, and when",
                    false,
                    "stored by pseudonym; every consent is an entry of the ledger"),
            new DataCategory(
                    "quality metadata",
                    "per clip: format, duration, level, clipping, silence and signal-to-noise figures, the"
                            + " SHA-256 of the upload, the review state",
                    false,
                    "pseudonymous: linked to a person only through a random pseudonym"),
            new DataCategory(
                    "account data",
                    "usernames, roles, organizations, password hashes (Argon2id), second-factor secrets,"
                            + " token hashes and their times of use",
                    false,
                    "second-factor secrets sealed under the identity key; tokens stored as SHA-256 only"));

    static final List<Category> DATA_SUBJECTS = List.of(
            new Category(
                    "contributors",
                    "the people who record clips for the project, consent to its terms and are paid per"
                            + " accepted clip"),
            new Category(
                    "reviewers",
                    "the platform's staff who listen to clips and accept or reject them: account data, and a"
                            + " ledger entry for every clip they open"),
            new Category(
                    "client users", "the client organization's administrators and data consumers: account data only"));

    private ProcessingCategories() {}

    /**
     * The recipients of the project's data. Data consumers receive datasets under a data-use grant
     * only; this installation offers no grants yet, and says so, rather than list a recipient that
     * cannot exist.
     */
    static List<Category> recipients(Organization controller) {
        return List.of(
                new Category(
                        controller.name(),
                        "the client organization that commissioned the project, the controller: its administrators"
                                + " see the project and its clips' metadata"),
                new Category(
                        "data consumers of " + controller.name(),
                        "receive exported datasets only under a data-use grant naming this project, its purposes,"
                                + " an expiry and budgets; none exist: this installation does not issue grants yet"));
    }
}

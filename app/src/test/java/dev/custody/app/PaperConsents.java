package dev.custody.app;

import dev.custody.Services;
import dev.custody.Sha256;
import dev.custody.access.Principal;
import dev.custody.consent.PaperConsent;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import dev.custody.receipt.SignedConsentReceipt;

/** Records a contributor's consent to a project's current terms as staff do from a signed paper form. */
public final class PaperConsents {
    private PaperConsents() {}

    public static SignedConsentReceipt record(Services services, Pseudonym contributor, ProjectId project) {
        Principal admin = Principal.bootstrapAdmin();
        var terms = services.consent().currentTerms(admin, project);
        var paper = new PaperConsent(
                project,
                terms.version(),
                terms.sha256(),
                Sha256.of("scanned form of " + contributor.value() + " for " + project.value()),
                "Wendy Witness");
        return services.consent().recordPaperConsent(admin, contributor, paper);
    }
}

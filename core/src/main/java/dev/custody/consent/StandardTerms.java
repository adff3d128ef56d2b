package dev.custody.consent;

import static java.util.Objects.requireNonNull;

import dev.custody.project.Project;
import dev.custody.project.Purpose;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The terms a project gets when its creator writes none: derived from the project's own settings
 * (purposes, retention) with the owning organization as the one recipient, every right, both legal
 * bases, and a plain-language text that states all of it.
 */
public final class StandardTerms {
    private StandardTerms() {}

    public static TermsDraft of(Project project, String organizationName) {
        requireNonNull(project, "project is null");
        requireNonNull(organizationName, "organizationName is null");
        return new TermsDraft(
                Optional.empty(),
                Optional.empty(),
                List.of(organizationName),
                EnumSet.allOf(ConsentRight.class),
                EnumSet.allOf(LegalBasis.class),
                text(project, organizationName));
    }

    private static String text(Project project, String organizationName) {
        return """
                You are asked to record your voice for the project "%s" of %s.
                Your voice is biometric data. You give your explicit consent to its processing \
                (GDPR Article 9(2)(a)) and this is your written release (BIPA).
                Your recordings may be used only for: %s.
                They will never be used for: %s.
                They are kept for at most %d days, then erased.
                They are delivered only to: %s.
                They are stored encrypted under a key of your own, and every access is logged.
                You may see your recordings and who accessed them, and take a copy of them.
                You may withdraw this consent at any time, for this project or for everything: your \
                recordings are then erased and never delivered again, and recipients are told to delete \
                their copies.
                """.formatted(
                        project.name(),
                        organizationName,
                        codes(project.purposes().allowed()),
                        project.purposes().forbidden().isEmpty()
                                ? "any purpose not listed above"
                                : codes(project.purposes().forbidden()) + ", or any purpose not listed above",
                        project.retention().toDays(),
                        organizationName);
    }

    private static String codes(Set<Purpose> purposes) {
        return purposes.stream().map(Purpose::code).sorted().collect(Collectors.joining(", "));
    }
}

package dev.custody.server;

import dev.custody.compliance.RecordsOfProcessing;
import dev.custody.compliance.RecordsOfProcessing.Category;
import dev.custody.compliance.RecordsOfProcessing.DataCategory;
import dev.custody.compliance.RecordsOfProcessing.SecurityMeasures;
import dev.custody.project.Project;
import dev.custody.project.Purpose;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a project's records of processing (GDPR Art. 30). */
record RecordsOfProcessingView(
        String generatedAt,
        ProjectFacts project,
        Party controller,
        Party processor,
        PurposesView purposes,
        List<DataCategory> personalData,
        List<Category> dataSubjects,
        List<Category> recipients,
        RetentionView retention,
        List<String> internationalTransfers,
        SecurityMeasures security,
        CountsView counts) {
    static RecordsOfProcessingView of(RecordsOfProcessing r) {
        Project p = r.project();
        var retention = r.retention();
        return new RecordsOfProcessingView(
                r.generatedAt().toString(),
                new ProjectFacts(
                        p.id().value(),
                        p.name(),
                        p.commission().language(),
                        p.consentTermsVersion(),
                        p.createdAt().toString()),
                new Party(r.controller().id().value(), r.controller().name(), "controller"),
                new Party(r.processor(), "this Custody installation", "processor"),
                new PurposesView(
                        codes(p.purposes().allowed()), codes(p.purposes().forbidden())),
                r.personalData(),
                r.dataSubjects(),
                r.recipients(),
                new RetentionView(
                        retention.clips().toDays(),
                        retention.contributorInactivity().toDays(),
                        retention.backups().toDays(),
                        retention.erasure()),
                r.internationalTransfers(),
                r.security(),
                new CountsView(
                        names(r.counts().contributors()),
                        names(r.counts().clips()),
                        r.counts().consentsRecordedByStaff()));
    }

    record ProjectFacts(String id, String name, String language, int consentTermsVersion, String createdAt) {}

    record Party(String id, String name, String role) {}

    record PurposesView(List<String> allowed, List<String> forbidden) {}

    record RetentionView(
            long clipRetentionDays, long contributorInactivityDays, long backupRetentionDays, String erasure) {}

    record CountsView(Map<String, Long> contributors, Map<String, Long> clips, long consentsRecordedByStaff) {}

    private static List<String> codes(Collection<Purpose> purposes) {
        return purposes.stream().sorted().map(Purpose::code).toList();
    }

    private static Map<String, Long> names(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((state, count) -> named.put(state.name(), count));
        return named;
    }
}

package dev.custody.server;

import java.util.List;

/** The JSON shapes of request bodies. Every field is validated by the domain records it feeds. */
final class Requests {
    private Requests() {}

    record CreateOrganization(String name) {}

    record CreateProject(String name, List<String> prompts, Integer consentTermsVersion, Integer retentionDays) {}

    record CreateContributor(String name, String email) {}

    record GiveConsent(String project, Integer termsVersion) {}
}

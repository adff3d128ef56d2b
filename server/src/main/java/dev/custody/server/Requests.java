package dev.custody.server;

import java.util.List;

/** The JSON shapes of request bodies. Every field is validated by the domain records it feeds. */
final class Requests {
    private Requests() {}

    record CreateOrganization(String name) {}

    record CreateProject(String name, List<String> prompts, Integer consentTermsVersion, Integer retentionDays) {}

    record CreateContributor(String name, String email) {}

    record GiveConsent(String project, Integer termsVersion) {}

    /** A sign-in; {@code totp} only for roles that need it. Never logged: it holds a password. */
    record SignIn(String username, String password, String totp) {
        @Override
        public String toString() {
            return "SignIn[" + username + "]";
        }
    }

    /** An API token for the caller's own role and organization, living {@code lifetimeDays}. */
    record CreateToken(Integer lifetimeDays) {}

    /** A new account; {@code organization} only for client roles. Never logged: it holds a password. */
    record CreateAccount(String username, String password, String role, String organization) {
        @Override
        public String toString() {
            return "CreateAccount[" + username + ", " + role + "]";
        }
    }
}

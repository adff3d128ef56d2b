package dev.custody.server;

import java.util.List;

/** The JSON shapes of request bodies. Every field is validated by the domain records it feeds. */
final class Requests {
    private Requests() {}

    record CreateOrganization(String name) {}

    /**
     * A new project. The prompts come as a list, or as the content of a text file ({@code
     * promptsText}, one a line) or a CSV file ({@code promptsCsv}, first column): exactly one of the
     * three. Pay is a decimal string in {@code currency}, such as {@code "0.35"}.
     */
    record CreateProject(
            String name,
            List<String> prompts,
            String promptsText,
            String promptsCsv,
            Integer consentTermsVersion,
            Integer retentionDays,
            String language,
            Integer targetClips,
            Integer clipsPerPrompt,
            Integer reviewCount,
            String payPerAcceptedClip,
            String currency,
            List<String> purposesAllowed,
            List<String> purposesForbidden,
            Terms terms) {}

    /**
     * Consent terms as a client-admin writes them. {@code rights} default to all four and {@code
     * legalBases} to both; the purposes and {@code retentionDays} default to the project's and, given,
     * must agree with it.
     */
    record Terms(
            String text,
            List<String> recipients,
            List<String> rights,
            List<String> legalBases,
            List<String> purposesAllowed,
            List<String> purposesForbidden,
            Integer retentionDays) {}

    /**
     * A contributor's consent: the terms version and SHA-256 (hex) they read, their full name typed
     * out, and the "I agree" box. Never logged: it holds a name.
     */
    record GiveOwnConsent(String project, Integer termsVersion, String termsSha256, String typedName, Boolean agreed) {
        @Override
        public String toString() {
            return "GiveOwnConsent[" + project + ", " + termsVersion + "]";
        }
    }

    record CreateContributor(String name, String email) {}

    /**
     * A consent collected outside Custody on a signed paper form, as staff record it: the terms
     * version and SHA-256 (hex) printed on the form, the SHA-256 (hex) of the scanned signed form and
     * the witness's full name. Never logged: it holds a name.
     */
    record RecordPaperConsent(
            String project, Integer termsVersion, String termsSha256, String formSha256, String witnessName) {
        @Override
        public String toString() {
            return "RecordPaperConsent[" + project + ", " + termsVersion + "]";
        }
    }

    /** A password asked for again before an act that cannot be undone. Never logged. */
    record ConfirmPassword(String password) {
        @Override
        public String toString() {
            return "ConfirmPassword[]";
        }
    }

    /** A contributor signing up. Never logged: it holds a password and an identity. */
    record SignUp(String username, String password, String name, String email) {
        @Override
        public String toString() {
            return "SignUp[" + username + "]";
        }
    }

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

    record AssignReviewer(String account) {}

    /**
     * A reviewer's verdict: {@code accept}, or {@code reject} with a {@code reason} code; an
     * optional {@code note}. Never logged whole: the note is free text about someone's voice.
     */
    record GiveVerdict(String verdict, String reason, String note) {
        @Override
        public String toString() {
            return "GiveVerdict[" + verdict + ", " + reason + "]";
        }
    }
}

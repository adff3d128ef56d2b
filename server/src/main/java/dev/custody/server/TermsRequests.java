package dev.custody.server;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.consent.ConsentAct;
import dev.custody.consent.ConsentRight;
import dev.custody.consent.LegalBasis;
import dev.custody.consent.PaperConsent;
import dev.custody.consent.TermsDraft;
import dev.custody.project.ProjectId;
import dev.custody.project.Purposes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Turns terms and consent requests into domain values, naming the first missing or malformed field. */
final class TermsRequests {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private TermsRequests() {}

    static TermsDraft draft(Requests.Terms request) {
        Optional<Purposes> purposes = request.purposesAllowed() == null && request.purposesForbidden() == null
                ? Optional.empty()
                : Optional.of(Purposes.of(
                        noNulls(required(request.purposesAllowed(), "purposesAllowed"), "purposesAllowed"),
                        noNulls(
                                Objects.requireNonNullElse(request.purposesForbidden(), List.of()),
                                "purposesForbidden")));
        Optional<Duration> retention = Optional.ofNullable(request.retentionDays())
                .map(days -> {
                    if (days < 1 || days > 3 * 365) {
                        throw CustodyException.invalidInput("retentionDays is 1 to 1095");
                    }
                    return Duration.ofDays(days);
                });
        return new TermsDraft(
                purposes,
                retention,
                noNulls(required(request.recipients(), "recipients"), "recipients"),
                codes(request.rights(), ConsentRight::of, EnumSet.allOf(ConsentRight.class), "rights"),
                codes(request.legalBases(), LegalBasis::of, EnumSet.allOf(LegalBasis.class), "legalBases"),
                required(request.text(), "text"));
    }

    static ConsentAct act(Requests.GiveOwnConsent request) {
        String hash = required(request.termsSha256(), "termsSha256");
        if (!SHA256.matcher(hash).matches()) {
            throw CustodyException.invalidInput("termsSha256 is 64 lower-case hex digits");
        }
        return new ConsentAct(
                new ProjectId(required(request.project(), "project")),
                required(request.termsVersion(), "termsVersion"),
                Bytes.fromHex(hash),
                required(request.typedName(), "typedName"),
                required(request.agreed(), "agreed"));
    }

    static PaperConsent paper(Requests.RecordPaperConsent request) {
        return new PaperConsent(
                new ProjectId(required(request.project(), "project")),
                required(request.termsVersion(), "termsVersion"),
                sha256(required(request.termsSha256(), "termsSha256"), "termsSha256"),
                sha256(required(request.formSha256(), "formSha256"), "formSha256"),
                required(request.witnessName(), "witnessName"));
    }

    private static Bytes sha256(String hex, String field) {
        if (!SHA256.matcher(hex).matches()) {
            throw CustodyException.invalidInput(field + " is 64 lower-case hex digits");
        }
        return Bytes.fromHex(hex);
    }

    static int version(String value) {
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw CustodyException.invalidInput("a terms version is a positive number");
        }
        return Integer.parseInt(value);
    }

    private static <T extends Enum<T>> Set<T> codes(
            List<String> codes, Function<String, T> parse, Set<T> otherwise, String field) {
        if (codes == null) {
            return otherwise;
        }
        return Set.copyOf(noNulls(codes, field).stream().map(parse).toList());
    }

    private static List<String> noNulls(List<String> values, String field) {
        if (values.stream().anyMatch(Objects::isNull)) {
            throw CustodyException.invalidInput(field + " holds a null");
        }
        return values;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw CustodyException.invalidInput(field + " is required");
        }
        return value;
    }
}

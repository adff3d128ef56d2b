package dev.custody.consent;

import dev.custody.CustodyException;
import dev.custody.project.ProjectId;
import dev.custody.project.Purpose;
import dev.custody.project.Purposes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The canonical form of a {@link ConsentTerms} document: UTF-8 text, every header line a key, one
 * space and a value, ending in LF.
 *
 * <pre>
 * custody-consent-terms/1
 * project prj_...
 * version 2                      decimal, no leading zero
 * purpose-allowed asr-training   one line per purpose, sorted by code
 * purpose-forbidden voice-cloning  zero or more, sorted by code
 * retention-ms 31536000000       decimal milliseconds
 * recipient Acme Speech Ltd      one line per recipient, in the order published
 * right erasure                  one line per right, sorted by code
 * legal-basis gdpr-art-9-2-a     one line per basis, sorted by code
 * text-bytes 1234                the length of the text in UTF-8 bytes
 * &lt;the text, exactly that many bytes, to the end&gt;
 * </pre>
 *
 * Decoding re-encodes what it read and compares, so a document has exactly one canonical form.
 */
final class TermsFormat {
    static final String HEADER = "custody-consent-terms/1";

    private TermsFormat() {}

    static String encode(ConsentTerms terms) {
        var out = new StringBuilder(terms.text().length() + 512).append(HEADER).append('\n');
        line(out, "project", terms.project().value());
        line(out, "version", Integer.toString(terms.version()));
        sorted(terms.purposes().allowed(), Purpose::code).forEach(code -> line(out, "purpose-allowed", code));
        sorted(terms.purposes().forbidden(), Purpose::code).forEach(code -> line(out, "purpose-forbidden", code));
        line(out, "retention-ms", Long.toString(terms.retention().toMillis()));
        terms.recipients().forEach(recipient -> line(out, "recipient", recipient));
        sorted(terms.rights(), ConsentRight::code).forEach(code -> line(out, "right", code));
        sorted(terms.legalBases(), LegalBasis::code).forEach(code -> line(out, "legal-basis", code));
        line(out, "text-bytes", Integer.toString(terms.text().getBytes(StandardCharsets.UTF_8).length));
        return out.append(terms.text()).toString();
    }

    static ConsentTerms decode(String canonical, Instant publishedAt) {
        try {
            var reader = new Reader(canonical);
            if (!reader.line().equals(HEADER)) {
                throw CustodyException.integrityFailure();
            }
            var project = new ProjectId(reader.value("project"));
            int version = Integer.parseInt(reader.value("version"));
            var allowed = reader.values("purpose-allowed", Purpose::of);
            var forbidden = reader.values("purpose-forbidden", Purpose::of);
            var retention = Duration.ofMillis(Long.parseLong(reader.value("retention-ms")));
            var recipients = reader.values("recipient", Function.identity());
            var rights = reader.values("right", ConsentRight::of);
            var bases = reader.values("legal-basis", LegalBasis::of);
            reader.value("text-bytes");
            var terms = new ConsentTerms(
                    project,
                    version,
                    new Purposes(asSet(allowed, Purpose.class), asSet(forbidden, Purpose.class)),
                    retention,
                    recipients,
                    asSet(rights, ConsentRight.class),
                    asSet(bases, LegalBasis.class),
                    reader.rest(),
                    publishedAt);
            if (!encode(terms).equals(canonical)) {
                throw CustodyException.integrityFailure();
            }
            return terms;
        } catch (RuntimeException e) {
            // Whatever is wrong, a stored document that does not read back was not written here.
            throw CustodyException.integrityFailure(e);
        }
    }

    private static <T extends Enum<T>> Set<T> asSet(List<T> values, Class<T> type) {
        Set<T> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    private static <T> List<String> sorted(Collection<T> values, Function<T, String> code) {
        return values.stream().map(code).sorted().toList();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(' ').append(value).append('\n');
    }

    /** Reads header lines in order; whatever follows the last one is the text. */
    private static final class Reader {
        private final String canonical;
        private int position;

        Reader(String canonical) {
            this.canonical = canonical;
        }

        String line() {
            int end = canonical.indexOf('\n', position);
            if (end < 0) {
                throw new IllegalArgumentException("truncated terms document");
            }
            String line = canonical.substring(position, end);
            position = end + 1;
            return line;
        }

        String value(String key) {
            String line = line();
            if (!line.startsWith(key + " ")) {
                throw new IllegalArgumentException("expected " + key);
            }
            return line.substring(key.length() + 1);
        }

        <T> List<T> values(String key, Function<String, T> parse) {
            List<T> values = new ArrayList<>();
            while (canonical.startsWith(key + " ", position)) {
                values.add(parse.apply(value(key)));
            }
            return values;
        }

        String rest() {
            return canonical.substring(position);
        }
    }
}

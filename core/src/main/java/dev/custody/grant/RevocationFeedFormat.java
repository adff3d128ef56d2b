package dev.custody.grant;

import static java.util.Objects.requireNonNull;

import dev.custody.CustodyException;
import dev.custody.keys.JcaSigner;
import dev.custody.ledger.CheckpointKeys;
import dev.custody.ledger.CheckpointSigners;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signed byte format of one page of a grant's revocation feed, written by the server and read
 * by a buyer's verifier ({@code custody verify dataset --feed}). A page is UTF-8 text, every line
 * ending in LF:
 *
 * <pre>
 * custody-revocation-feed/1
 * origin ORIGIN                 the ledger's origin, naming the installation's log and keys
 * grant GRANT-ID
 * after N                       the cursor this page starts after (0 for the first page)
 * next M                        the cursor of the next page (M = N when there is nothing new)
 * SEQ SAMPLE-KEY REASON MILLIS  one line per entry, SEQ = N+1 .. M in order
 * (empty line)
 * ed25519 BASE64                Ed25519 signature of every byte before the empty line
 * ml-dsa-65 BASE64              ML-DSA-65 signature of the same bytes
 * </pre>
 *
 * REASON is a {@link RevocationReason} name and MILLIS the revocation time in epoch milliseconds.
 * Both signatures are made with the ledger's checkpoint keys ({@link CheckpointSigners}) and both
 * must verify. Parsing is strict: anything else is {@code INTEGRITY_FAILURE}, with no detail.
 */
public final class RevocationFeedFormat {
    static final String HEADER = "custody-revocation-feed/1";
    private static final Pattern ENTRY =
            Pattern.compile("([1-9][0-9]{0,18}) ([0-9a-f]{32}) ([A-Z_]{1,32}) ([0-9]{1,19})");
    private static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    private RevocationFeedFormat() {}

    /** A page as read: the grant, its cursors and entries (acknowledgment is not part of the feed). */
    public record Page(String origin, GrantId grant, long after, long next, List<Entry> entries) {
        public Page {
            requireNonNull(origin, "origin is null");
            requireNonNull(grant, "grant is null");
            entries = List.copyOf(entries);
        }
    }

    /** One revoked key. */
    public record Entry(long sequence, String sampleKey, RevocationReason reason, Instant revokedAt) {}

    /** Writes and signs a page of {@code entries}, which follow {@code after} in sequence. */
    public static String sign(CheckpointSigners signers, GrantId grant, long after, List<Revocation> entries) {
        long next = entries.isEmpty() ? after : entries.getLast().sequence();
        var body = new StringBuilder(HEADER)
                .append('\n')
                .append("origin ")
                .append(signers.origin())
                .append('\n')
                .append("grant ")
                .append(grant.value())
                .append('\n')
                .append("after ")
                .append(after)
                .append('\n')
                .append("next ")
                .append(next)
                .append('\n');
        for (Revocation entry : entries) {
            body.append(entry.sequence())
                    .append(' ')
                    .append(entry.sampleKey())
                    .append(' ')
                    .append(entry.reason().name())
                    .append(' ')
                    .append(entry.revokedAt().toEpochMilli())
                    .append('\n');
        }
        byte[] signed = body.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        return body + "\ned25519 " + base64.encodeToString(signers.ed25519().sign(signed)) + "\nml-dsa-65 "
                + base64.encodeToString(signers.mlDsa65().sign(signed)) + "\n";
    }

    /**
     * Verifies both signatures of a page against the installation's published keys and parses it;
     * {@code INTEGRITY_FAILURE} for a forged, altered, reordered or malformed page, or one of another
     * origin.
     */
    public static Page verify(String text, CheckpointKeys keys) {
        requireNonNull(text, "text is null");
        requireNonNull(keys, "keys is null");
        if (text.length() > MAX_PAGE_BYTES) {
            throw CustodyException.integrityFailure();
        }
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw CustodyException.integrityFailure();
        }
        String body = text.substring(0, split + 1);
        String[] signatures = text.substring(split + 2).split("\n", -1);
        if (signatures.length != 3 || !signatures[2].isEmpty()) {
            throw CustodyException.integrityFailure();
        }
        byte[] signed = body.getBytes(StandardCharsets.UTF_8);
        if (!verifies(keys.ed25519(), "Ed25519", "ed25519 ", signatures[0], signed)
                || !verifies(keys.mlDsa65(), "ML-DSA", "ml-dsa-65 ", signatures[1], signed)) {
            throw CustodyException.integrityFailure();
        }
        Page page = parse(body);
        if (!page.origin().equals(keys.origin())) {
            throw CustodyException.integrityFailure();
        }
        return page;
    }

    private static boolean verifies(
            java.security.PublicKey key, String algorithm, String prefix, String line, byte[] signed) {
        if (!line.startsWith(prefix)) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            return JcaSigner.verify(key, algorithm, signed, signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Page parse(String body) {
        String[] lines = body.split("\n", -1);
        try {
            if (lines.length < 6 || !lines[0].equals(HEADER) || !lines[lines.length - 1].isEmpty()) {
                throw CustodyException.integrityFailure();
            }
            String origin = field(lines[1], "origin ");
            GrantId grant = new GrantId(field(lines[2], "grant "));
            long after = Long.parseLong(field(lines[3], "after "));
            long next = Long.parseLong(field(lines[4], "next "));
            List<Entry> entries = new ArrayList<>();
            long expected = after + 1;
            for (int i = 5; i < lines.length - 1; i++) {
                var matcher = ENTRY.matcher(lines[i]);
                if (!matcher.matches() || Long.parseLong(matcher.group(1)) != expected++) {
                    throw CustodyException.integrityFailure();
                }
                entries.add(new Entry(
                        Long.parseLong(matcher.group(1)),
                        matcher.group(2),
                        RevocationReason.valueOf(matcher.group(3)),
                        Instant.ofEpochMilli(Long.parseLong(matcher.group(4)))));
            }
            if (next != (entries.isEmpty() ? after : entries.getLast().sequence())) {
                throw CustodyException.integrityFailure();
            }
            return new Page(origin, grant, after, next, entries);
        } catch (IllegalArgumentException e) {
            throw CustodyException.integrityFailure();
        }
    }

    private static String field(String line, String prefix) {
        return Optional.of(line)
                .filter(text -> text.startsWith(prefix))
                .map(text -> text.substring(prefix.length()))
                .orElseThrow(CustodyException::integrityFailure);
    }
}

package dev.custody.jdbc.ledger;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys under which SQLite's {@code ledger_lookup} full-text index (the {@code V13} migration)
 * finds a ledger entry, as the words of the entry's one row: {@code h} and the first 8 bytes of
 * its leaf hash in hex, and each contributor pseudonym it names without its underscore. Keys are
 * lower-case letters and digits only, so a key is one word to the {@code ascii} tokenizer and a
 * quoted key is a query with no operator in it.
 */
final class LedgerLookupKeys {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final int HASH_PREFIX_BYTES = 8;

    private LedgerLookupKeys() {}

    /** The text of an entry's row. */
    static String of(Bytes leafHash, List<String> contributors) {
        StringBuilder text = new StringBuilder(leafHash(leafHash));
        for (String pseudonym : contributors) {
            text.append(' ').append(contributor(pseudonym));
        }
        return text.toString();
    }

    /** A row's text that names only contributors (for entries indexed by hash already). */
    static String ofContributors(List<String> contributors) {
        return String.join(
                " ", contributors.stream().map(LedgerLookupKeys::contributor).toList());
    }

    /** The key of a leaf hash: a prefix, so a hit must still be compared with the full hash. */
    static String leafHash(Bytes leafHash) {
        return "h" + HexFormat.of().formatHex(leafHash.toArray(), 0, HASH_PREFIX_BYTES);
    }

    static String contributor(String pseudonym) {
        return word(pseudonym.replace("_", ""));
    }

    /** The {@code MATCH} expression that finds the rows holding exactly this key. */
    static String match(String key) {
        return '"' + word(key) + '"';
    }

    private static String word(String key) {
        if (!WORD.matcher(key).matches()) {
            throw CustodyException.invalidInput("not a ledger lookup key");
        }
        return key;
    }
}

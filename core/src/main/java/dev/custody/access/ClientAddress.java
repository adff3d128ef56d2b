package dev.custody.access;

import static java.util.Objects.requireNonNull;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.Sha256;
import java.util.regex.Pattern;

/**
 * The network address a sign-in came from, as the server established it (the connection's peer, or
 * a header set by a trusted proxy): an IPv4 or IPv6 address in text, at most 64 characters. It is
 * never stored or logged as such: the throttle keys on {@link #key()} and the ledger names it by
 * {@link #ledgerId()}, so that whoever knows an address can find its records, but a dump does not
 * list them. The constructor throws {@code INVALID_INPUT} for anything else.
 */
public record ClientAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z.:%_\\[\\]-]{1,64}");
    private static final String DOMAIN = "custody/client-address/v1|";
    private static final String SIGN_UP_DOMAIN = "custody/client-address/sign-up/v1|";

    public ClientAddress {
        requireNonNull(value, "value is null");
        if (!SHAPE.matcher(value).matches()) {
            throw CustodyException.invalidInput("malformed client address");
        }
    }

    /** The SHA-256 of the address under a label of its own: what the throttle stores. */
    public Bytes key() {
        return Sha256.of(DOMAIN + value);
    }

    /**
     * What the sign-up throttle stores: keyed apart from {@link #key()}, so that its count and the
     * sign-in failures' share a table without mixing.
     */
    public Bytes signUpKey() {
        return Sha256.of(SIGN_UP_DOMAIN + value);
    }

    /** How the ledger names this address: the first 64 bits of {@link #key()}, in hexadecimal. */
    public String ledgerId() {
        return "client-" + key().hex().substring(0, 16);
    }

    @Override
    public String toString() {
        return ledgerId();
    }
}

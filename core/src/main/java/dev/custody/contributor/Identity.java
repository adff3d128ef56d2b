package dev.custody.contributor;

import dev.custody.CustodyException;
import dev.custody.TextField;
import java.util.regex.Pattern;

/** A contributor's identity in plaintext. Exists only in memory; stored only as {@link SealedIdentity}. */
public record Identity(String name, String email) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    public Identity {
        TextField.require(name, "name", 200);
        TextField.require(email, "e-mail", 320);
        if (!EMAIL.matcher(email).matches()) {
            throw CustodyException.invalidInput("malformed e-mail address");
        }
    }

    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}

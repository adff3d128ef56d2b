package dev.custody.keys;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

/**
 * One login to the token through a SunPKCS11 provider instance of its own, and the KEK handles
 * found in it. Thrown away whole when the token fails, so the next call logs in afresh.
 */
final class Pkcs11Session {
    /**
     * Keys made by the provider's KeyGenerator get these attributes. CKA_TOKEN stays false: {@link
     * KeyStore#setEntry} then copies the session key into a labelled token object, whereas a key
     * generated as a token object would be left behind unlabelled next to the copy. The copy keeps
     * CKA_ALWAYS_SENSITIVE, CKA_NEVER_EXTRACTABLE and CKA_LOCAL (checked with pkcs11-tool against
     * SoftHSM2); the session original ends with its session. Only encrypt and decrypt are allowed.
     */
    private static final String KEY_ATTRIBUTES = """
            attributes(generate, CKO_SECRET_KEY, CKK_AES) = {
              CKA_SENSITIVE = true
              CKA_EXTRACTABLE = false
              CKA_ENCRYPT = true
              CKA_DECRYPT = true
              CKA_WRAP = false
              CKA_UNWRAP = false
              CKA_SIGN = false
              CKA_VERIFY = false
            }
            """;

    private final Provider provider;
    private final KeyStore keyStore;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    private Pkcs11Session(Provider provider, KeyStore keyStore) {
        this.provider = provider;
        this.keyStore = keyStore;
    }

    /** Loads the library, finds the slot and logs in; fails {@code KEY_PROVIDER_UNAVAILABLE}. */
    static Pkcs11Session login(Path library, int slot, SecretBytes pin) {
        Provider provider = configure(library, slot);
        char[] pinChars = chars(pin);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pinChars);
            return new Pkcs11Session(provider, keyStore);
        } catch (IOException e) {
            if (hasCause(e, FailedLoginException.class)) {
                throw unavailable("the PKCS#11 token in slot " + slot + " refused the PIN", e);
            }
            throw unavailable("cannot log in to the PKCS#11 token in slot " + slot, e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable("cannot log in to the PKCS#11 token in slot " + slot, e);
        } finally {
            Arrays.fill(pinChars, '\0');
        }
    }

    Provider provider() {
        return provider;
    }

    /** The labels of the secret keys in the token. */
    List<String> labels() {
        try {
            return Collections.list(keyStore.aliases());
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable("cannot list the keys of the PKCS#11 token", e);
        }
    }

    /** The token's key of this label; cached, as looking it up costs a search in the token. */
    Optional<Key> key(String label) {
        Key cached = keys.get(label);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Key key = keyStore.getKey(label, null);
            if (!(key instanceof SecretKey)) {
                return Optional.empty();
            }
            keys.put(label, key);
            return Optional.of(key);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable("cannot read the keys of the PKCS#11 token", e);
        }
    }

    /** Generates a sensitive, never-extractable AES-256 key inside the token, as a token object. */
    void createKey(String label) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            keyStore.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable("cannot create a key in the PKCS#11 token", e);
        }
    }

    /** Deletes the token object of this label, for good; fails {@code KEY_PROVIDER_UNAVAILABLE}. */
    void deleteKey(String label) {
        keys.remove(label);
        try {
            keyStore.deleteEntry(label);
        } catch (GeneralSecurityException | ProviderException e) {
            throw unavailable("cannot delete a key in the PKCS#11 token", e);
        }
    }

    /** Logs out; the token's login is shared by the whole process, so other sessions lose it too. */
    void logout() {
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException | ProviderException e) {
            // Nothing to do: the token is gone or the login already ended, which is what was wanted.
        }
    }

    private static Provider configure(Path library, int slot) {
        if (!Files.isRegularFile(library)) {
            throw unavailable("no PKCS#11 library at " + library, null);
        }
        String path = library.toAbsolutePath().toString();
        if (path.contains("\"") || path.contains("\n")) {
            throw new IllegalArgumentException("the library path must not hold quotes or line breaks");
        }
        String config = "--name = custody\nlibrary = \"" + path + "\"\nslot = " + slot + "\n" + KEY_ATTRIBUTES;
        try {
            return Security.getProvider("SunPKCS11").configure(config);
        } catch (ProviderException | InvalidParameterException e) {
            throw unavailable("cannot use the PKCS#11 token in slot " + slot + " through " + library, e);
        }
    }

    private static char[] chars(SecretBytes pin) {
        byte[] bytes = pin.toArray();
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the PIN is not UTF-8", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static CustodyException unavailable(String message, Exception cause) {
        return cause == null
                ? new CustodyException(ErrorCode.KEY_PROVIDER_UNAVAILABLE, message)
                : new CustodyException(ErrorCode.KEY_PROVIDER_UNAVAILABLE, message, cause);
    }
}

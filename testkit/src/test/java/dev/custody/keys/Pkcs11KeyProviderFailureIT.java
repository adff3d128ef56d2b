package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.keys.Pkcs11TestTokens.Name;
import dev.custody.keys.Pkcs11TestTokens.Token;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Security;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the provider does when the library, the token, the PIN or the login is not there. */
class Pkcs11KeyProviderFailureIT {
    private static final byte[] AAD = "custody/test".getBytes(UTF_8);

    @TempDir
    Path folder;

    @Test
    void open_withAWrongPin_failsUnavailableWithoutNamingThePinAndCreatesNoKey() {
        Token untouched = Pkcs11TestTokens.token(Name.UNTOUCHED);

        assertUnavailable(() -> Pkcs11KeyProvider.open(Pkcs11TestTokens.config(untouched, "9999-wrong-pin")))
                .hasMessage("the PKCS#11 token in slot " + untouched.slot() + " refused the PIN");
        assertThat(Pkcs11KeyProviderIT.secretKeys(untouched)).isEmpty();
    }

    @Test
    void open_withAMissingLibrary_failsUnavailableNamingThePath() {
        Token token = Pkcs11TestTokens.token(Name.CONTRACT);
        Path missing = folder.resolve("libabsent.so");
        var config = new Pkcs11Config(missing, token.slot(), pin(), "custody");

        assertUnavailable(() -> Pkcs11KeyProvider.open(config)).hasMessage("no PKCS#11 library at " + missing);
    }

    @Test
    void open_withAFileThatIsNoPkcs11Library_failsUnavailable() throws Exception {
        Path notALibrary = Files.writeString(folder.resolve("libnot.so"), "not a shared object");
        var config = new Pkcs11Config(notALibrary, 0, pin(), "custody");

        assertUnavailable(() -> Pkcs11KeyProvider.open(config));
    }

    @Test
    void open_onASlotWithoutAToken_failsUnavailable() {
        int absent = Pkcs11TestTokens.token(Name.CONTRACT).slot() ^ 0x5a5a5a5;
        var config = new Pkcs11Config(Pkcs11TestTokens.library(), absent, pin(), "custody");

        assertUnavailable(() -> Pkcs11KeyProvider.open(config))
                .hasMessageContaining("slot " + absent)
                .hasMessageNotContaining(Pkcs11TestTokens.PIN);
    }

    @Test
    void call_afterTheTokenEndedTheLogin_failsUnavailableOnceThenLogsInAgain() throws Exception {
        Token token = Pkcs11TestTokens.token(Name.RELOGIN);
        try (Pkcs11KeyProvider provider = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(token))) {
            KekId kek = provider.activeKek(KeyPurpose.VOICE);
            byte[] before = provider.wrap(kek, "wrapped before".getBytes(UTF_8), AAD);

            // The login belongs to the process: ending it elsewhere is what a token reset does.
            logOutElsewhere(token);

            assertUnavailable(() -> provider.wrap(kek, new byte[32], AAD))
                    .hasMessage("the PKCS#11 token failed to encrypt or decrypt");
            assertThat(provider.unwrap(kek, before, AAD)).isEqualTo("wrapped before".getBytes(UTF_8));
            assertThat(provider.unwrap(kek, provider.wrap(kek, new byte[32], AAD), AAD))
                    .isEqualTo(new byte[32]);
        }
    }

    @Test
    void call_whileTheTokensFolderIsGone_failsUnavailableNotIntegrity() throws Exception {
        Token token = Pkcs11TestTokens.token(Name.VANISHING);
        Path away = token.folder().resolveSibling(token.folder().getFileName() + ".away");
        try (Pkcs11KeyProvider provider = Pkcs11KeyProvider.open(Pkcs11TestTokens.config(token))) {
            KekId kek = provider.activeKek(KeyPurpose.VOICE);
            byte[] ciphertext = provider.wrap(kek, new byte[32], AAD);

            Files.move(token.folder(), away);
            try {
                assertUnavailable(() -> provider.unwrap(kek, ciphertext, AAD));
                assertUnavailable(() -> provider.wrap(kek, new byte[32], AAD));
            } finally {
                // SoftHSM2 keeps a token that vanished invalid for the rest of the process, even once
                // its folder is back, so the way back is shown by the re-login test above.
                Files.move(away, token.folder());
            }
        }
    }

    private static void logOutElsewhere(Token token) throws Exception {
        var other = Security.getProvider("SunPKCS11")
                .configure("--name = other\nlibrary = " + Pkcs11TestTokens.library() + "\nslot = " + token.slot());
        KeyStore.getInstance("PKCS11", other).load(null, Pkcs11TestTokens.PIN.toCharArray());
        ((AuthProvider) other).logout();
    }

    private static SecretBytes pin() {
        return SecretBytes.copyOf(Pkcs11TestTokens.PIN.getBytes(UTF_8));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertUnavailable(
            ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_PROVIDER_UNAVAILABLE));
    }
}

package dev.custody.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.testkit.TestArgon2;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyringSignerTest {
    private static final byte[] MESSAGE = "custody checkpoint\n42\n".getBytes(UTF_8);

    @TempDir
    Path folder;

    @Test
    void signers_produceVerifiableSignaturesThatSurviveReopening() {
        Path file = folder.resolve("custody.keyring");
        Map<SignerRole, byte[]> signatures = new EnumMap<>(SignerRole.class);
        Map<SignerRole, String> keyIds = new EnumMap<>(SignerRole.class);
        try (LocalKeyring keyring = LocalKeyring.create(file, LocalKeyringTest.passphrase(), TestArgon2.parameters())) {
            for (SignerRole role : SignerRole.values()) {
                Signer signer = keyring.signer(role);
                signatures.put(role, signer.sign(MESSAGE));
                keyIds.put(role, signer.keyId());
            }
        }

        try (LocalKeyring reopened = LocalKeyring.open(file, LocalKeyringTest.passphrase())) {
            for (SignerRole role : SignerRole.values()) {
                Signer signer = reopened.signer(role);
                assertThat(signer.keyId()).isEqualTo(keyIds.get(role));
                assertThat(signer.algorithm()).isEqualTo(role.algorithm().signatureAlgorithm());
                assertThat(JcaSigner.verify(signer.publicKey(), signer.algorithm(), MESSAGE, signatures.get(role)))
                        .isTrue();
                byte[] fresh = signer.sign(MESSAGE);
                assertThat(JcaSigner.verify(signer.publicKey(), signer.algorithm(), MESSAGE, fresh))
                        .isTrue();
            }
        }
    }

    @Test
    void signers_useTheAlgorithmOfTheirRoleAndDistinctKeys() {
        try (LocalKeyring keyring = LocalKeyring.create(
                folder.resolve("custody.keyring"), LocalKeyringTest.passphrase(), TestArgon2.parameters())) {
            Set<String> keyIds = new HashSet<>();
            for (SignerRole role : SignerRole.values()) {
                keyIds.add(keyring.signer(role).keyId());
            }
            assertThat(keyIds).hasSize(SignerRole.values().length);
            assertThat(keyring.signer(SignerRole.RECEIPTS).algorithm()).isEqualTo("Ed25519");
            assertThat(keyring.signer(SignerRole.LEDGER_ED25519).algorithm()).isEqualTo("Ed25519");
            assertThat(keyring.signer(SignerRole.LEDGER_ML_DSA).algorithm()).isEqualTo("ML-DSA");
            assertThat(keyring.signer(SignerRole.LEDGER_ML_DSA).publicKey().getAlgorithm())
                    .startsWith("ML-DSA");
        }
    }
}

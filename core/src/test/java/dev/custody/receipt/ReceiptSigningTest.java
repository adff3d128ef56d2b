package dev.custody.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.Pseudonym;
import dev.custody.keys.Signer;
import dev.custody.project.ProjectId;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptSigningTest {
    private static final TestEd25519Signer SIGNER = TestEd25519Signer.generate();
    private final ReceiptSigner receiptSigner = new ReceiptSigner(SIGNER);

    @Test
    void sign_thenVerify_succeeds() {
        SignedReceipt signed = receiptSigner.sign(Receipts.plain());

        assertThat(signed.keyId()).isEqualTo(SIGNER.keyId());
        assertThat(signed.algorithm()).isEqualTo("Ed25519");
        assertThatCode(() -> ReceiptVerifier.verify(signed, SIGNER.publicKey())).doesNotThrowAnyException();
    }

    @Test
    void receiptWithLedgerInclusion_survivesTheTextAndVerifies() {
        SignedReceipt signed = receiptSigner.sign(Receipts.withLedger());

        SignedReceipt parsed = SignedReceipt.parse(signed.toText());

        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.receipt().ledger())
                .contains(Receipts.withLedger().ledger().orElseThrow());
        assertThatCode(() -> ReceiptVerifier.verify(parsed, SIGNER.publicKey())).doesNotThrowAnyException();
    }

    @Test
    void verify_withAnotherKey_failsAsIntegrityFailure() {
        SignedReceipt signed = receiptSigner.sign(Receipts.plain());

        assertIntegrityFailure(signed, TestEd25519Signer.generate().publicKey());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("singleFieldChanges")
    void verify_afterOneFieldChanged_failsAsIntegrityFailure(String component, Object value) {
        SignedReceipt signed = receiptSigner.sign(Receipts.withLedger());
        Receipt changed = Receipts.with(signed.receipt(), component, value);
        assertThat(changed).isNotEqualTo(signed.receipt());

        assertIntegrityFailure(
                new SignedReceipt(changed, signed.algorithm(), signed.keyId(), signed.signature()), SIGNER.publicKey());
    }

    @Test
    void verify_afterAnySignatureBitFlipped_failsAsIntegrityFailure() {
        SignedReceipt signed = receiptSigner.sign(Receipts.plain());
        byte[] signature = signed.signature().toArray();

        for (int bit = 0; bit < signature.length * 8; bit++) {
            signature[bit / 8] ^= (byte) (1 << (bit % 8));
            SignedReceipt flipped =
                    new SignedReceipt(signed.receipt(), signed.algorithm(), signed.keyId(), Bytes.copyOf(signature));
            signature[bit / 8] ^= (byte) (1 << (bit % 8));

            assertIntegrityFailure(flipped, SIGNER.publicKey());
        }
    }

    @Test
    void signer_ofAnotherAlgorithm_isRefused() {
        Signer ecdsa = new Signer() {
            @Override
            public String algorithm() {
                return "SHA256withECDSA";
            }

            @Override
            public String keyId() {
                return SIGNER.keyId();
            }

            @Override
            public PublicKey publicKey() {
                return SIGNER.publicKey();
            }

            @Override
            public byte[] sign(byte[] message) {
                return SIGNER.sign(message);
            }
        };

        assertThatThrownBy(() -> new ReceiptSigner(ecdsa)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> singleFieldChanges() {
        Receipt r = Receipts.withLedger();
        List<Bytes> proof = r.ledger().orElseThrow().proof();
        Bytes other = Receipts.hash(0x99);
        return Stream.of(
                change("clip", ClipId.random()),
                change("project", ProjectId.random()),
                change("promptIndex", r.promptIndex() + 1),
                change("promptSha256", other),
                change("contributor", Pseudonym.random()),
                change("audioSha256", other),
                change("receivedAt", r.receivedAt().plusMillis(1)),
                change("consentTermsVersion", r.consentTermsVersion() + 1),
                change("ledger", Optional.empty()),
                change("ledger", Optional.of(Receipts.inclusion(40, 42, proof))),
                change("ledger", Optional.of(Receipts.inclusion(41, 43, proof))),
                change("ledger", Optional.of(Receipts.inclusion(41, 42, List.of(other, proof.get(1))))),
                change("ledger", Optional.of(Receipts.inclusion(41, 42, proof.subList(0, 1)))),
                change(
                        "ledger",
                        Optional.of(new LedgerInclusion(41, 42, Receipts.ENTRY, proof, Receipts.CHECKPOINT + "x"))));
    }

    private static Arguments change(String component, Object value) {
        return Arguments.of(component, value);
    }

    private static void assertIntegrityFailure(SignedReceipt receipt, PublicKey key) {
        assertThatThrownBy(() -> ReceiptVerifier.verify(receipt, key))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
                    assertThat(e).hasMessage("integrity check failed");
                });
    }
}

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
import java.util.function.UnaryOperator;
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFieldChanges")
    void verify_afterOneFieldChanged_failsAsIntegrityFailure(String field, UnaryOperator<Receipt> change) {
        SignedReceipt signed = receiptSigner.sign(Receipts.withLedger());
        Receipt changed = change.apply(signed.receipt());
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
        Bytes other = Receipts.hash(0x99);
        return Stream.of(
                change("clip", r -> copy(r, ClipId.random(), r.project(), r.promptIndex(), r.contributor())),
                change("project", r -> copy(r, r.clip(), ProjectId.random(), r.promptIndex(), r.contributor())),
                change("promptIndex", r -> copy(r, r.clip(), r.project(), r.promptIndex() + 1, r.contributor())),
                change("contributor", r -> copy(r, r.clip(), r.project(), r.promptIndex(), Pseudonym.random())),
                change(
                        "promptSha256",
                        r -> new Receipt(
                                1,
                                r.clip(),
                                r.project(),
                                r.promptIndex(),
                                other,
                                r.contributor(),
                                r.audioSha256(),
                                r.receivedAt(),
                                r.consentTermsVersion(),
                                r.ledger())),
                change(
                        "audioSha256",
                        r -> new Receipt(
                                1,
                                r.clip(),
                                r.project(),
                                r.promptIndex(),
                                r.promptSha256(),
                                r.contributor(),
                                other,
                                r.receivedAt(),
                                r.consentTermsVersion(),
                                r.ledger())),
                change(
                        "receivedAt",
                        r -> new Receipt(
                                1,
                                r.clip(),
                                r.project(),
                                r.promptIndex(),
                                r.promptSha256(),
                                r.contributor(),
                                r.audioSha256(),
                                r.receivedAt().plusMillis(1),
                                r.consentTermsVersion(),
                                r.ledger())),
                change(
                        "consentTermsVersion",
                        r -> new Receipt(
                                1,
                                r.clip(),
                                r.project(),
                                r.promptIndex(),
                                r.promptSha256(),
                                r.contributor(),
                                r.audioSha256(),
                                r.receivedAt(),
                                r.consentTermsVersion() + 1,
                                r.ledger())),
                change("ledger removed", r -> withLedger(r, Optional.empty())),
                change("ledger leafIndex", r -> withLedger(r, Optional.of(Receipts.inclusion(40, 42, proof(r))))),
                change("ledger treeSize", r -> withLedger(r, Optional.of(Receipts.inclusion(41, 43, proof(r))))),
                change("ledger proof", r -> withLedger(r, Optional.of(Receipts.inclusion(41, 42, List.of(other))))),
                change(
                        "ledger checkpoint",
                        r -> withLedger(
                                r,
                                Optional.of(new LedgerInclusion(
                                        41, 42, proof(r), Receipts.CHECKPOINT.replace("42", "43"))))));
    }

    private static Arguments change(String field, UnaryOperator<Receipt> change) {
        return Arguments.of(field, change);
    }

    private static Receipt copy(Receipt r, ClipId clip, ProjectId project, int promptIndex, Pseudonym contributor) {
        return new Receipt(
                1,
                clip,
                project,
                promptIndex,
                r.promptSha256(),
                contributor,
                r.audioSha256(),
                r.receivedAt(),
                r.consentTermsVersion(),
                r.ledger());
    }

    private static Receipt withLedger(Receipt r, Optional<LedgerInclusion> ledger) {
        return new Receipt(
                1,
                r.clip(),
                r.project(),
                r.promptIndex(),
                r.promptSha256(),
                r.contributor(),
                r.audioSha256(),
                r.receivedAt(),
                r.consentTermsVersion(),
                ledger);
    }

    private static List<Bytes> proof(Receipt r) {
        return r.ledger().orElseThrow().proof();
    }

    private static void assertIntegrityFailure(SignedReceipt receipt, PublicKey key) {
        assertThatThrownBy(() -> ReceiptVerifier.verify(receipt, key))
                .isInstanceOfSatisfying(CustodyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE);
                    assertThat(e).hasMessage("integrity check failed");
                });
    }
}

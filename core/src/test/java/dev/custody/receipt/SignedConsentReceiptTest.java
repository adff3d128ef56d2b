package dev.custody.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedConsentReceiptTest {
    private static final TestEd25519Signer SIGNER = TestEd25519Signer.generate();

    @Test
    void text_isTheDocumentedLayout_andParsesBackToTheSameReceipt() {
        SignedConsentReceipt signed = new ReceiptSigner(SIGNER).sign(receipt());

        String text = signed.toText();

        assertThat(text).startsWith("""
                        custody-consent-receipt/1
                        consent cns_aaaaaaaaaaaaaaaaaaaaaaaaaa
                        contributor ctb_cccccccccccccccccccccccccc
                        project prj_bbbbbbbbbbbbbbbbbbbbbbbbbb
                        terms-version 2
                        terms-sha256 %s
                        given-at 2026-01-31T12:34:56.789Z
                        ledger-leaf-index 41
                        ledger-tree-size 42
                        """.formatted("11".repeat(32))).contains("\n\n\u2014 " + SIGNER.keyId() + " ");
        assertThat(SignedConsentReceipt.parse(text)).isEqualTo(signed);
    }

    @Test
    void signature_verifies_andAnyChangeToTheBodyBreaksIt() {
        SignedConsentReceipt signed = new ReceiptSigner(SIGNER).sign(receipt());
        ReceiptVerifier.verify(signed, SIGNER.publicKey());

        var forged = SignedConsentReceipt.parse(signed.toText().replace("terms-version 2", "terms-version 3"));

        assertThatThrownBy(() -> ReceiptVerifier.verify(forged, SIGNER.publicKey()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }

    @Test
    void parse_refusesAClipReceipt_andMalformedTexts() {
        String clip = new ReceiptSigner(SIGNER).sign(Receipts.withLedger()).toText();
        String text = new ReceiptSigner(SIGNER).sign(receipt()).toText();

        for (String bad : List.of(
                clip,
                text.replace("terms-version 2", "terms-version 02"),
                text.replace("given-at 2026-01-31T12:34:56.789Z\n", ""),
                text.replace("\n", "\r\n"),
                text + "extra\n",
                "x".repeat(70_000))) {
            assertThatThrownBy(() -> SignedConsentReceipt.parse(bad))
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
        assertThatThrownBy(() -> SignedReceipt.parse(text)).isInstanceOf(CustodyException.class);
    }

    @Test
    void paperConsent_carriesTheFormHashLine_signedAndParsedBack() {
        SignedConsentReceipt signed = new ReceiptSigner(SIGNER).sign(receipt(Optional.of(Receipts.hash(0x33))));

        String text = signed.toText();

        assertThat(text)
                .contains("given-at 2026-01-31T12:34:56.789Z\nrecorded-by-staff-paper-form-sha256 " + "33".repeat(32)
                        + "\nledger-leaf-index 41\n");
        assertThat(SignedConsentReceipt.parse(text)).isEqualTo(signed);
        assertThat(SignedConsentReceipt.parse(text).receipt().recordedByStaff()).isTrue();
        ReceiptVerifier.verify(signed, SIGNER.publicKey());
        // Removing the mark breaks the signature: a paper consent cannot pass as the contributor's own.
        var unmarked = SignedConsentReceipt.parse(
                text.replace("recorded-by-staff-paper-form-sha256 " + "33".repeat(32) + "\n", ""));
        assertThatThrownBy(() -> ReceiptVerifier.verify(unmarked, SIGNER.publicKey()))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }

    private static ConsentReceipt receipt() {
        return receipt(Optional.empty());
    }

    private static ConsentReceipt receipt(Optional<Bytes> paperForm) {
        return new ConsentReceipt(
                new ConsentId("cns_aaaaaaaaaaaaaaaaaaaaaaaaaa"),
                new Pseudonym("ctb_cccccccccccccccccccccccccc"),
                new ProjectId("prj_bbbbbbbbbbbbbbbbbbbbbbbbbb"),
                2,
                Receipts.hash(0x11),
                Instant.parse("2026-01-31T12:34:56.789Z"),
                Receipts.inclusion(41, 42, List.of(Receipts.hash(0x22))),
                paperForm);
    }
}

package dev.custody.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.clip.ClipId;
import dev.custody.contributor.ConsentId;
import dev.custody.contributor.Pseudonym;
import dev.custody.project.ProjectId;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Clip and consent receipts, signed, print as texts that parse back to them and verify with the
 * signer's public key; a receipt with any field changed under the same signature does not verify.
 */
class ReceiptProperties {
    private static final TestEd25519Signer SIGNER = TestEd25519Signer.generate();
    private static final ReceiptSigner RECEIPTS = new ReceiptSigner(SIGNER);

    @Property(tries = 200)
    void clipReceipt_roundTripsAndVerifies_andATamperedOneFails(
            @ForAll("clipReceipts") Receipt receipt, @ForAll("clipReceipts") Receipt other) {
        SignedReceipt signed = RECEIPTS.sign(receipt);

        SignedReceipt parsed = SignedReceipt.parse(signed.toText());

        assertThat(parsed).isEqualTo(signed);
        ReceiptVerifier.verify(parsed, SIGNER.publicKey());
        if (!other.equals(receipt)) {
            var tampered = new SignedReceipt(other, signed.algorithm(), signed.keyId(), signed.signature());
            assertIntegrityFailure(() -> ReceiptVerifier.verify(tampered, SIGNER.publicKey()));
        }
    }

    @Property(tries = 200)
    void consentReceipt_roundTripsAndVerifies_andATamperedOneFails(
            @ForAll("consentReceipts") ConsentReceipt receipt, @ForAll("consentReceipts") ConsentReceipt other) {
        SignedConsentReceipt signed = RECEIPTS.sign(receipt);

        SignedConsentReceipt parsed = SignedConsentReceipt.parse(signed.toText());

        assertThat(parsed).isEqualTo(signed);
        ReceiptVerifier.verify(parsed, SIGNER.publicKey());
        if (!other.equals(receipt)) {
            var tampered = new SignedConsentReceipt(other, signed.algorithm(), signed.keyId(), signed.signature());
            assertIntegrityFailure(() -> ReceiptVerifier.verify(tampered, SIGNER.publicKey()));
        }
    }

    @Provide
    Arbitrary<Receipt> clipReceipts() {
        Arbitrary<Receipt> plain = Combinators.combine(
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.strings()
                                .ofMinLength(1)
                                .ofMaxLength(200)
                                .alpha()
                                .numeric()
                                .withChars(" .,?!'"),
                        hashes(),
                        instants(),
                        Arbitraries.integers().between(1, 1000))
                .as((prompt, text, audio, at, terms) -> Receipt.of(
                        ClipId.random(), ProjectId.random(), prompt, text, Pseudonym.random(), audio, at, terms));
        return Combinators.combine(plain, Arbitraries.of(true, false), inclusions())
                .as((receipt, inLedger, inclusion) -> inLedger ? receipt.withLedger(inclusion) : receipt);
    }

    @Provide
    Arbitrary<ConsentReceipt> consentReceipts() {
        // A receipt of a consent recorded by staff carries the paper form's SHA-256.
        return Combinators.combine(
                        Arbitraries.integers().between(1, 1000),
                        hashes(),
                        instants(),
                        inclusions(),
                        hashes().optional())
                .as((version, terms, at, inclusion, paperForm) -> new ConsentReceipt(
                        ConsentId.random(),
                        Pseudonym.random(),
                        ProjectId.random(),
                        version,
                        terms,
                        at,
                        inclusion,
                        paperForm));
    }

    private static Arbitrary<LedgerInclusion> inclusions() {
        return Arbitraries.longs()
                .between(1, 1L << 40)
                .flatMap(size -> Combinators.combine(
                                Arbitraries.longs().between(0, size - 1),
                                hashes().list().ofMaxSize(40))
                        .as((index, proof) -> Receipts.inclusion(index, size, List.copyOf(proof))));
    }

    private static Arbitrary<Bytes> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::copyOf);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }

    private static void assertIntegrityFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_FAILURE));
    }
}

package dev.custody.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Bytes;
import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignedReceiptTextTest {
    private static final Bytes SIGNATURE = Bytes.fromHex("01".repeat(64));
    private static final String SIGNATURE_BASE64 = "AQEB".repeat(21) + "AQ==";
    private static final String PLAIN_BODY = """
            custody-receipt/1
            clip clp_aaaaaaaaaaaaaaaaaaaaaaaaaa
            project prj_bbbbbbbbbbbbbbbbbbbbbbbbbb
            prompt-index 3
            prompt-sha256 42e25dd386eb55b56db34af535fab5231db8cf1b588af95bc9c32ef849507fc5
            contributor ctb_cccccccccccccccccccccccccc
            audio-sha256 1111111111111111111111111111111111111111111111111111111111111111
            received-at 2026-01-31T12:34:56.789Z
            consent-terms-version 2
            """;
    private static final String LEDGER_LINES = """
            ledger-leaf-index 41
            ledger-tree-size 42
            ledger-entry AQAAACk=
            ledger-proof 2222222222222222222222222222222222222222222222222222222222222222
            ledger-proof 3333333333333333333333333333333333333333333333333333333333333333
            ledger-checkpoint Y3VzdG9keS5leGFtcGxlL2xlZGdlcgo0MgpxVW1iMFF6MG1OUFowd045RXA2aExzSEd6Z3dLRHlsMXZkQVloamhwejJJPQoK4oCUIGN1c3RvZHkuZXhhbXBsZS9sZWRnZXIgQUFBQQo=
            """;
    private static final String SIGNATURE_LINE = "\n\u2014 key-1 " + SIGNATURE_BASE64 + "\n";
    private static final String PLAIN_TEXT = PLAIN_BODY + SIGNATURE_LINE;

    @Test
    void toText_isTheDocumentedLayout() {
        assertThat(signed(Receipts.plain()).toText()).isEqualTo(PLAIN_TEXT);
        assertThat(signed(Receipts.withLedger()).toText()).isEqualTo(PLAIN_BODY + LEDGER_LINES + SIGNATURE_LINE);
    }

    @Test
    void parse_ofToText_returnsAnEqualReceipt() {
        List<Receipt> receipts = List.of(
                Receipts.plain(),
                Receipts.withLedger(),
                Receipts.plain().withLedger(Receipts.inclusion(0, 1, List.of())));

        for (Receipt receipt : receipts) {
            SignedReceipt signed = signed(receipt);
            SignedReceipt parsed = SignedReceipt.parse(signed.toText());
            assertThat(parsed).isEqualTo(signed);
            assertThat(parsed.toText()).isEqualTo(signed.toText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTexts")
    void parse_ofMalformedText_failsAsInvalidInput(String what, UnaryOperator<String> damage) {
        String damaged = damage.apply(PLAIN_BODY + LEDGER_LINES + SIGNATURE_LINE);

        assertInvalidInput(damaged);
    }

    @Test
    void parse_ofTextLongerThan64KiB_failsAsInvalidInput() {
        String padded = PLAIN_TEXT.replace("\n\n", "\n" + "x ".repeat(33_000) + "\n\n");

        assertThatThrownBy(() -> SignedReceipt.parse(padded))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e).hasMessageContaining("64 KiB"));
    }

    @Test
    void parse_ofRandomlyDamagedText_rejectsItOrReproducesItExactly() {
        Random random = new Random(20_260_131L);
        String valid = PLAIN_BODY + LEDGER_LINES + SIGNATURE_LINE;
        String alphabet = "\n \r-_./:=+0123456789abcdefxyzABZ\u2014\u00e9";
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder(valid);
            int at = random.nextInt(text.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, c);
                default -> text.setCharAt(at, c);
            }
            String damaged = text.toString();
            try {
                // One receipt has exactly one text: whatever parses must print back unchanged.
                assertThat(SignedReceipt.parse(damaged).toText()).isEqualTo(damaged);
                accepted++;
            } catch (CustodyException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            }
        }
        // Edits inside ids, hashes, the key id and the signature still parse; most others must not.
        assertThat(accepted).isBetween(1, 4_000);
    }

    static Stream<Arguments> malformedTexts() {
        return Stream.of(
                damage("empty", text -> ""),
                damage("no signature line", text -> text.substring(0, text.indexOf("\n\n") + 1)),
                damage("no final newline", text -> text.substring(0, text.length() - 1)),
                damage("text after the signature", text -> text + "extra\n"),
                damage("two signature lines", text -> text + "\u2014 key-2 " + SIGNATURE_BASE64 + "\n"),
                damage("CRLF line endings", text -> text.replace("\n", "\r\n")),
                damage("a CR in a value", text -> text.replace("prompt-index 3", "prompt-index 3\r")),
                damage("missing line", text -> text.replace("project prj_bbbbbbbbbbbbbbbbbbbbbbbbbb\n", "")),
                damage("extra line", text -> text.replace("prompt-index 3\n", "prompt-index 3\nnote hello\n")),
                damage("duplicated line", text -> text.replace("prompt-index 3\n", "prompt-index 3\nprompt-index 3\n")),
                damage(
                        "reordered lines",
                        text -> text.replace(
                                "clip clp_aaaaaaaaaaaaaaaaaaaaaaaaaa\nproject prj_bbbbbbbbbbbbbbbbbbbbbbbbbb\n",
                                "project prj_bbbbbbbbbbbbbbbbbbbbbbbbbb\nclip clp_aaaaaaaaaaaaaaaaaaaaaaaaaa\n")),
                damage("other format version", text -> text.replace("custody-receipt/1", "custody-receipt/2")),
                damage("uppercase hex", text -> text.replace("audio-sha256 1111", "audio-sha256 AAAA")),
                damage("non-hex", text -> text.replace("audio-sha256 1111", "audio-sha256 zzzz")),
                damage("short hash", text -> text.replace("audio-sha256 11", "audio-sha256 ")),
                damage("leading zero", text -> text.replace("prompt-index 3", "prompt-index 03")),
                damage("negative number", text -> text.replace("prompt-index 3", "prompt-index -3")),
                damage(
                        "number overflow",
                        text -> text.replace("ledger-tree-size 42", "ledger-tree-size 9999999999999999999")),
                damage("int overflow", text -> text.replace("prompt-index 3", "prompt-index 2147483648")),
                damage(
                        "consent version zero",
                        text -> text.replace("consent-terms-version 2", "consent-terms-version 0")),
                damage("time without milliseconds", text -> text.replace("56.789Z", "56Z")),
                damage("time with offset", text -> text.replace("56.789Z", "56.789+01:00")),
                damage("impossible date", text -> text.replace("2026-01-31", "2026-02-31")),
                damage("two spaces", text -> text.replace("prompt-index 3", "prompt-index  3")),
                damage("empty value", text -> text.replace("prompt-index 3", "prompt-index ")),
                damage("leaf beyond the tree", text -> text.replace("ledger-leaf-index 41", "ledger-leaf-index 42")),
                damage("ledger without checkpoint", text -> text.replaceAll("ledger-checkpoint [^\n]*\n", "")),
                damage("unpadded checkpoint", text -> text.replace("Qo=\n", "Qo\n")),
                damage("checkpoint not base64", text -> text.replace("ledger-checkpoint Y3", "ledger-checkpoint *3")),
                damage("bad signature base64", text -> text.replace(" AQEB", " !QEB")),
                damage("short signature", text -> text.replace(" AQEB", " ")),
                damage("unpadded signature", text -> text.replace("AQ==\n", "AQ\n")),
                damage("no key id", text -> text.replace("\u2014 key-1 ", "\u2014 ")),
                damage("hyphen for dash", text -> text.replace("\u2014 key-1", "- key-1")),
                damage("non-ASCII id", text -> text.replace("clp_a", "clp_\u00e9")));
    }

    private static Arguments damage(String what, UnaryOperator<String> damage) {
        return Arguments.of(what, damage);
    }

    private static SignedReceipt signed(Receipt receipt) {
        return new SignedReceipt(receipt, "Ed25519", "key-1", SIGNATURE);
    }

    private static void assertInvalidInput(String text) {
        assertThatThrownBy(() -> SignedReceipt.parse(text))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}

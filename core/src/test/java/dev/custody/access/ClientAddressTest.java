package dev.custody.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.CustodyException;
import dev.custody.ErrorCode;
import dev.custody.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0:0:0:0:0:0:0:1", "[::1]", "fe80::1%eth0", "2001:db8::8a2e:370:7334"})
    void addresses_areAccepted(String address) {
        assertThat(new ClientAddress(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10.0.0.1, 10.0.0.2", "1.2.3.4\r\nX-Evil: 1", "<script>"})
    void anythingElse_isInvalidInput(String address) {
        assertThatThrownBy(() -> new ClientAddress(address))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void anOverlongAddress_isInvalidInput() {
        assertThatThrownBy(() -> new ClientAddress("1".repeat(65))).isInstanceOf(CustodyException.class);
    }

    @Test
    void theKey_isALabelledHash_notTheAddressOrItsPlainHash() {
        var address = new ClientAddress("192.0.2.7");

        assertThat(address.key()).isEqualTo(new ClientAddress("192.0.2.7").key());
        assertThat(address.key()).isNotEqualTo(Sha256.of("192.0.2.7"));
        assertThat(address.key()).isNotEqualTo(new ClientAddress("192.0.2.8").key());
    }

    @Test
    void theLedgerAndLogs_nameItByTheStartOfItsKey_neverByTheAddress() {
        var address = new ClientAddress("192.0.2.7");

        assertThat(address.ledgerId()).isEqualTo("client-" + address.key().hex().substring(0, 16));
        assertThat(address.toString()).isEqualTo(address.ledgerId()).doesNotContain("192.0.2.7");
    }
}

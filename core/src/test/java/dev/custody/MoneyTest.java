package dev.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void parse_keepsExactMinorUnits() {
        assertThat(Money.parse("0.35", "EUR")).isEqualTo(new Money(35, EUR));
        assertThat(Money.parse("12", "EUR").minorUnits()).isEqualTo(1200);
        assertThat(Money.parse("250", "JPY").minorUnits()).isEqualTo(250);
        assertThat(Money.parse("1.5", "EUR").decimal()).isEqualTo("1.50");
    }

    @Test
    void sumsAreExact_whereDoublesDrift() {
        Money total = Money.zero(EUR);
        for (int i = 0; i < 10; i++) {
            total = total.plus(Money.parse("0.10", "EUR"));
        }
        assertThat(total.decimal()).isEqualTo("1.00");
        assertThat(Money.parse("0.35", "EUR").times(3).decimal()).isEqualTo("1.05");
    }

    @Test
    void parse_refusesMalformedAmountsAndCurrencies() {
        for (String bad : new String[] {"", "1,5", "1e3", "0.001", ".5", "NaN", "1.2.3", " 1"}) {
            assertThatThrownBy(() -> Money.parse(bad, "EUR"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        }
        assertThatThrownBy(() -> Money.parse("1", "XYZ")).isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> Money.parse("1.5", "JPY")).isInstanceOf(CustodyException.class);
    }

    @Test
    void arithmetic_refusesMixedCurrenciesAndOverflow() {
        assertThatThrownBy(() -> Money.parse("1", "EUR").plus(Money.parse("1", "USD")))
                .isInstanceOf(CustodyException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, EUR).plus(new Money(1, EUR)))
                .isInstanceOf(ArithmeticException.class);
    }
}

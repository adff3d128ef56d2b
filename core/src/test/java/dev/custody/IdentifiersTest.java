package dev.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.clip.ClipId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
    @Test
    void random_hasPrefixAndBase32Body() {
        String id = Identifiers.random("clp");
        assertThat(id).matches("clp_[a-z2-7]{26}");
        assertThat(new ClipId(id).value()).isEqualTo(id);
    }

    @Test
    void random_doesNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Identifiers.random("x"))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "clp_",
                "../../etc/passwd",
                "clp_../../../../etc/passwdxxxx",
                "clp_aaaaaaaaaaaaaaaaaaaaaaaaa/",
                "clp_AAAAAAAAAAAAAAAAAAAAAAAAAA",
                "prj_aaaaaaaaaaaaaaaaaaaaaaaaaa",
                "clp_aaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void require_rejectsAnythingButAnIdentifier(String value) {
        assertThatThrownBy(() -> new ClipId(value))
                .isInstanceOfSatisfying(
                        CustodyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}

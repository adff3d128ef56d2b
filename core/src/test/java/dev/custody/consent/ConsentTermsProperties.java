package dev.custody.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Any valid terms document parses back from its canonical form to the same terms, with the same hash. */
class ConsentTermsProperties {
    @Property(tries = 300)
    void parse_ofCanonical_isTheSameTerms(
            @ForAll("drafts") TermsDraft draft, @ForAll @IntRange(min = 1, max = 10_000) int version) {
        ConsentTerms terms = ConsentTerms.of(ConsentTermsTest.PROJECT, version, draft, ConsentTermsTest.NOW);

        ConsentTerms parsed = ConsentTerms.parse(terms.canonical(), ConsentTermsTest.NOW);

        assertThat(parsed).isEqualTo(terms);
        assertThat(parsed.sha256()).isEqualTo(terms.sha256());
    }

    @Provide
    Arbitrary<TermsDraft> drafts() {
        Arbitrary<List<String>> recipients = Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(40)
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(5);
        Arbitrary<Set<ConsentRight>> rights = Arbitraries.of(ConsentRight.class)
                .set()
                .map(extra -> {
                    Set<ConsentRight> all = EnumSet.of(ConsentRight.WITHDRAWAL, ConsentRight.ERASURE);
                    all.addAll(extra);
                    return all;
                });
        Arbitrary<Set<LegalBasis>> bases =
                Arbitraries.of(LegalBasis.class).set().ofMinSize(1);
        // Any text without control characters (but LF and tab), line or paragraph separators or surrogates.
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\u2027')
                .withCharRange('\u202a', '\ud7ff')
                .withChars('\n', '\t')
                .ofMinLength(1)
                .ofMaxLength(300)
                .filter(s -> !s.isBlank());
        return Combinators.combine(recipients, rights, bases, text)
                .as((names, granted, legal, body) ->
                        new TermsDraft(Optional.empty(), Optional.empty(), names, granted, legal, body));
    }
}

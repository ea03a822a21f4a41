package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailTest {
    @Test
    void isTrimmedAndLowerCased() {
        assertThat(Email.parse("  Ann.Lee@Example.COM \t").value()).isEqualTo("ann.lee@example.com");
    }

    @ParameterizedTest(name = "''{0}'' is rejected because it {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|is empty",
                "'   '|is empty",
                "annexample.com|has no @",
                "Bad@@x|has more than one @",
                "@example.com|has nothing before the @",
                "ann@|has no domain after the @",
                "ann@localhost|has no dot in its domain",
                "ann@example..com|has an empty part in its domain",
                "ann lee@example.com|contains a space",
            })
    void badAddressIsRejectedWithAMessageNamingTheProblem(String raw, String problem) {
        assertThatThrownBy(() -> Email.parse(raw))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void controlCharactersAreRejected() {
        assertThatThrownBy(() -> Email.parse("ann\u0007@example.com")).hasMessageContaining("control character");
    }

    @Test
    void addressesLongerThan254CharactersAreRejected() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThatThrownBy(() -> Email.parse(local + "@" + domain)).hasMessageContaining("254");
        assertThat(Email.parse("a".repeat(64) + "@" + "c".repeat(185) + ".com").value())
                .hasSize(254);
    }

    @ParameterizedTest(name = "''{0}'' is the same address as ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "İNFO@example.com|info@example.com",
                "İnfo@example.com|info@example.com",
                "i̇nfo@example.com|info@example.com",
                "bob@münchen.de|bob@xn--mnchen-3ya.de",
                "Bob@MÜNCHEN.DE|bob@xn--mnchen-3ya.de",
                "bob@münchen.de|bob@xn--mnchen-3ya.de",
                "BOB@XN--MNCHEN-3YA.DE|bob@xn--mnchen-3ya.de",
                "bob@münchen。de|bob@xn--mnchen-3ya.de",
                "ｂｏｂ＠ｅｘａｍｐｌｅ．ｃｏｍ|bob@example.com",
                "ann@例え.jp|ann@xn--r8jz45g.jp",
            })
    void oneAddressHasOneCanonicalFormHoweverItIsTyped(String typed, String canonical) {
        assertThat(Email.parse(typed).value()).isEqualTo(canonical);
        assertThat(Email.parse(canonical)).isEqualTo(Email.parse(typed));
    }

    @Test
    void aCanonicalAddressParsesToItself() {
        for (String typed : new String[] {
            "İNFO@mÜnchen.de", "JöRG@example.com", "ΣΩΣ@example.gr", "ａ@例え.jp", "ann.lee+tag@example.com"
        }) {
            Email once = Email.parse(typed);
            assertThat(Email.parse(once.value())).as(typed).isEqualTo(once);
            assertThat(new Email(once.value())).isEqualTo(once);
        }
    }

    @Test
    void aLocalPartKeepsItsOwnLettersLowerCased() {
        assertThat(Email.parse("JÖRG@example.com").value()).isEqualTo("jörg@example.com");
        assertThat(Email.parse("straße@example.com").value()).isEqualTo("straße@example.com");
    }

    @ParameterizedTest(name = "{1} is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "200B|zero width space",
                "200C|zero width non-joiner",
                "200D|zero width joiner",
                "2060|word joiner",
                "FEFF|zero width no-break space",
                "00AD|soft hyphen",
                "202E|right-to-left override",
                "2066|left-to-right isolate",
                "200F|right-to-left mark",
                "FE0F|variation selector-16",
                "034F|combining grapheme joiner",
                "3164|hangul filler",
            })
    void anInvisibleCharacterIsRefusedNamingItAndShowingWhereItIs(String hex, String name) {
        String invisible = new String(Character.toChars(Integer.parseInt(hex, 16)));
        for (String typed : new String[] {
            "bo" + invisible + "b@example.com", invisible + "bob@example.com", "bob@exa" + invisible + "mple.com"
        }) {
            assertThatThrownBy(() -> Email.parse(typed))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("contains an invisible character (U+" + hex + " " + name + ")")
                    .hasMessageContaining("\\u" + hex.toLowerCase(java.util.Locale.ROOT))
                    .hasMessageNotContaining(invisible);
        }
    }

    @Test
    void aDomainThatTheTwoIdnStandardsSpellDifferentlyIsRefusedUnlessGivenInItsAsciiForm() {
        assertThatThrownBy(() -> Email.parse("ann@straße.de"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("give the domain in its xn-- form");
        assertThat(Email.parse("ann@xn--strae-oqa.de").value()).isEqualTo("ann@xn--strae-oqa.de");
    }

    @Test
    void aDomainPartThatIsNoInternationalDomainNameIsRefusedWithASentence() {
        assertThatThrownBy(() -> Email.parse("ann@a͸b.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a valid international domain name");
        assertThatThrownBy(() -> Email.parse("ann@" + "ü".repeat(70) + ".com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a valid international domain");
    }

    @Test
    void anInternationalDomainIsLookedUpInBothSpellings() {
        assertThat(Email.parse("bob@münchen.de").spellings())
                .containsExactly("bob@xn--mnchen-3ya.de", "bob@münchen.de");
        assertThat(Email.parse("bob@example.com").spellings()).containsExactly("bob@example.com");
    }
}

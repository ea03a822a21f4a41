package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmailTest {
    @Test
    void isTrimmedAndLowerCased() {
        assertThat(Email.parse("  Ann.Lee@Example.COM \t").value()).isEqualTo("ann.lee@example.com");
    }

    @ParameterizedTest(name = "''{0}'' is rejected because it {1}")
    @CsvSource(delimiter = '|', value = {
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
        assertThatThrownBy(() -> Email.parse(raw)).isInstanceOf(InvalidInputException.class).hasMessageContaining(problem);
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
        assertThat(Email.parse("a".repeat(64) + "@" + "c".repeat(185) + ".com").value()).hasSize(254);
    }
}

package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SalesforceIdTest {
    @Test
    void fifteenCharacterIdGetsItsChecksumSuffix() {
        // The Account id 001A0000006Vm9r is documented widely as 001A0000006Vm9rIAC.
        assertThat(SalesforceId.checksumSuffix("001A0000006Vm9r")).isEqualTo("IAC");
        assertThat(SalesforceId.parse("003000000000001").value()).isEqualTo("003000000000001AAA");
        assertThat(SalesforceId.parse("00QXY0000000001").value()).isEqualTo("00QXY00000000012AA");
        assertThat(SalesforceId.parse("003ABCDEABCDEAB").value()).isEqualTo("003ABCDEABCDEABY55");
    }

    @Test
    void keyPrefixTellsTheObject() {
        assertThat(SalesforceId.parse("003000000000001").objectType()).isEqualTo(SObjectType.CONTACT);
        assertThat(SalesforceId.parse("00Q000000000001").objectType()).isEqualTo(SObjectType.LEAD);
    }

    @Test
    void eighteenCharacterIdWithAWrongSuffixIsRejected() {
        assertThatThrownBy(() -> SalesforceId.parse("003000000000001AAB"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void idOfAnotherObjectIsRejected() {
        assertThatThrownBy(() -> SalesforceId.parse("001000000000001"))
                .hasMessageContaining("only Leads (00Q…) and Contacts (003…)");
    }

    @Test
    void idOfTheWrongLengthOrWithPunctuationIsRejected() {
        assertThatThrownBy(() -> SalesforceId.parse("0030000000")).hasMessageContaining("not 15 or 18");
        assertThatThrownBy(() -> SalesforceId.parse("003000000000-01")).hasMessageContaining("not 15 or 18");
        assertThatThrownBy(() -> SalesforceId.parse("")).hasMessageContaining("empty");
    }

    @Test
    void suffixIsCaseSensitiveOnTheFirstFifteenCharacters() {
        String lower = SalesforceId.parse("003abcde0000001").value();
        String upper = SalesforceId.parse("003ABCDE0000001").value();
        assertThat(lower.substring(15)).isNotEqualTo(upper.substring(15));
    }
}

package com.unsubscribesync.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreeTextTest {
    @Test
    void aReasonOfAThousandCharactersIsKeptAndOneMoreIsRefused() {
        assertThat(FreeText.reason("reason", " " + "r".repeat(1000) + " ")).hasValue("r".repeat(1000));
        assertThatThrownBy(() -> FreeText.reason("--reason", "r".repeat(1001)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--reason is 1001 characters long; the most it can have is 1000: shorten it");
    }

    @Test
    void aBlankReasonIsNoReason() {
        assertThat(FreeText.reason("reason", " \n\t ")).isEmpty();
        assertThat(FreeText.reason("reason", null)).isEmpty();
    }

    @Test
    void lineBreaksTabsAndTheJoinersOfScriptsAndEmojiAreKept() {
        String text =
                "first line\r\nsecond\tline \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \ud83d\udc68\u200d\ud83d\udc69";
        assertThat(FreeText.reason("reason", text)).hasValue(text);
    }

    @Test
    void otherControlCharactersAreRefused() {
        assertThatThrownBy(() -> FreeText.reason("reason", "x\u001b[2Jy"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reason contains a control character (\\u001b): remove it");
        assertThatThrownBy(() -> FreeText.name("first_name", "a\u0000b")).hasMessageContaining("\\u0000");
    }

    @Test
    void charactersThatTurnTheTextAroundAreRefused() {
        assertThatThrownBy(() -> FreeText.reason("reason", "refund \u202egnp.exe"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("U+202E right-to-left override")
                .hasMessageContaining("changes how the text is shown");
        assertThatThrownBy(() -> FreeText.reason("reason", "a\ufeffb")).hasMessageContaining("U+FEFF");
    }

    @Test
    void aNameHasTwoHundredCharactersAtMost() {
        assertThat(FreeText.name("last_name", "n".repeat(200))).isPresent();
        assertThatThrownBy(() -> FreeText.name("last_name", "n".repeat(201)))
                .hasMessage("last_name is 201 characters long; the most it can have is 200: shorten it");
    }
}

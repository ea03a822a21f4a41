package com.unsubscribesync.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import com.unsubscribesync.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed links: a made link opens to its address, and nothing else opens, without a word on why. */
class UnsubscribeLinksTest {
    private static final String BASE = "https://unsubscribe.example.com";

    @TempDir
    Path data;

    @TempDir
    Path otherData;

    private final TestClock clock = TestClock.at("2026-03-01T10:00:00Z");

    private UnsubscribeLinks links(Path directory) {
        return UnsubscribeLinks.inDataDirectory(directory, clock);
    }

    private static String token(OneClickLink link) {
        String url = link.url().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aMadeLinkOpensToItsAddressAndCampaignAndDoesNotShowTheAddress() {
        OneClickLink link = links(data).make(" Ann.Lee@Example.COM ", Optional.of("spring launch"), BASE + "/");

        // The token is random-looking base64: three letters of the name may turn up by chance, the name may not.
        assertThat(link.url().toString())
                .startsWith(BASE + "/u/")
                .doesNotContainIgnoringCase("ann.lee")
                .doesNotContainIgnoringCase("annlee");
        assertThat(link.headers())
                .containsExactly(
                        "List-Unsubscribe: <" + link.url() + ">", "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(links(data).open(token(link)))
                .contains(new LinkSubject(new Email("ann.lee@example.com"), Optional.of("spring launch")));
    }

    @Test
    void everyChangedCharacterOfATokenIsRefused() {
        String token = token(links(data).make("ann@example.com", Optional.empty(), BASE));
        UnsubscribeLinks opener = links(data);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int opened = 0;
        for (int i = 0; i < token.length(); i++) {
            char changed = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            // The last character may carry only padding bits that decoding drops: the same bytes, the same token.
            if (!java.util.Arrays.equals(
                    Base64.getUrlDecoder().decode(tampered),
                    Base64.getUrlDecoder().decode(token))) {
                assertThat(opener.open(tampered)).as("changed at %d", i).isEmpty();
                opened++;
            }
        }
        assertThat(opened).isGreaterThan(token.length() - 2);
        assertThat(opener.open(token.substring(0, token.length() - 4))).isEmpty();
        assertThat(opener.open(token + "AAAA")).isEmpty();
        assertThat(opener.open("not a token!")).isEmpty();
        assertThat(opener.open("")).isEmpty();
    }

    @Test
    void aTokenFromAnotherDataDirectoryIsRefused() {
        String foreign = token(links(otherData).make("ann@example.com", Optional.empty(), BASE));

        assertThat(links(data).open(foreign)).isEmpty();
    }

    @Test
    void afterARotationOldLinksWorkForTheGivenWhileThenStopAndNewLinksUseTheNewKey() {
        UnsubscribeLinks links = links(data);
        String before = token(links.make("ann@example.com", Optional.empty(), BASE));

        KeyRotation rotation = links.rotateKey(Duration.ofDays(30));
        String after = token(links.make("bob@example.com", Optional.empty(), BASE));

        assertThat(rotation.newKeyId()).isNotEqualTo(rotation.retiredKeyId());
        assertThat(before.substring(0, 7)).isNotEqualTo(after.substring(0, 7));
        UnsubscribeLinks serving = links(data);
        clock.advance(Duration.ofDays(29));
        assertThat(serving.open(before)).isPresent();
        clock.advance(Duration.ofDays(2));
        assertThat(serving.open(before)).isEmpty();
        assertThat(serving.open(after)).map(s -> s.email().value()).contains("bob@example.com");
    }

    @Test
    void aRunningIntakeSeesARotationMadeByAnotherProcess() {
        UnsubscribeLinks serving = links(data);
        serving.check();
        links(data).rotateKey(Duration.ZERO);
        String made = token(links(data).make("ann@example.com", Optional.empty(), BASE));

        assertThat(serving.open(made)).isPresent();
    }

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        links(data).check();

        Path file = data.resolve(LinkKeys.FILE);
        assertThat(Files.exists(file)).isTrue();
        if (OwnerOnly.supported(file)) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnly.FILE);
        }
    }

    @Test
    void aDamagedKeyFileIsNamedWithItsFixAndNotReplaced() throws Exception {
        Files.writeString(data.resolve(LinkKeys.FILE), "{\"keys\":[{\"id\":\"zz\"}]}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> links(data).check())
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(LinkKeys.FILE)
                .hasMessageContaining("restore it");
        assertThat(Files.readString(data.resolve(LinkKeys.FILE))).contains("zz");
    }

    @Test
    void badInputIsRefusedWithOneSentence() {
        UnsubscribeLinks links = links(data);

        assertThatThrownBy(() -> links.make("not an address\u0007", Optional.empty(), BASE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> links.make("ann@example.com", Optional.of("two\nlines"), BASE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaign");
        assertThatThrownBy(() -> links.make("ann@example.com", Optional.empty(), "http://unsubscribe.example.com"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("https");
        assertThat(links.make("ann@example.com", Optional.empty(), "http://127.0.0.1:8080")
                        .url()
                        .toString())
                .startsWith("http://127.0.0.1:8080/u/");
    }

    @Test
    void aMaskedAddressShowsTheFirstCharacterAndTheDomain() {
        assertThat(MaskedAddress.of(new Email("john.smith@example.com"))).isEqualTo("j***@example.com");
    }
}

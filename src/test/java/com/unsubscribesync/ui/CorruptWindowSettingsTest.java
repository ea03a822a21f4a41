package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console's window file damaged, or written by something else: the window opens with its defaults (never
 * off-screen or unreadably small), and the next save writes a clean file over it.
 */
class CorruptWindowSettingsTest {
    private static final WindowMemory.Remembered DEFAULTS = new WindowMemory.Remembered(
            WindowMemory.DEFAULT_WIDTH, WindowMemory.DEFAULT_HEIGHT, Screen.INTEGRATIONS, TextSize.NORMAL);

    @TempDir
    Path folder;

    static Stream<Arguments> damagedFiles() {
        byte[] noise = new byte[2048];
        new Random(4).nextBytes(noise);
        return Stream.of(
                Arguments.of("random bytes", noise),
                Arguments.of(
                        "a broken unicode escape", "width=\\uZZZZ\nscreen=\\u00".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of(
                        "numbers that are not sizes",
                        ("width=NaN\nheight=1e309\ntextSize=99999999999\n" + "screen=../../etc/passwd\n")
                                .getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of("a window far too small", "width=1\nheight=-800\n".getBytes(StandardCharsets.ISO_8859_1)),
                Arguments.of(
                        "another program's XML",
                        ("<?xml version=\"1.0\"?><!DOCTYPE properties SYSTEM "
                                        + "\"http://java.sun.com/dtd/properties.dtd\"><properties><entry key=\"width\">500</entry>"
                                        + "</properties>")
                                .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("JSON", "{\"width\": 900, \"screen\": \"CONFLICTS\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void aDamagedWindowFileGivesTheDefaultsAndIsReplacedOnSave(String what, byte[] content) throws IOException {
        Path file = Files.write(folder.resolve("console-window.properties"), content);
        WindowMemory memory = new WindowMemory(file);

        assertThat(memory.load()).isEqualTo(DEFAULTS);

        WindowMemory.Remembered chosen = new WindowMemory.Remembered(1000, 700, Screen.CONFLICTS, new TextSize(15));
        memory.save(chosen);
        assertThat(new WindowMemory(file).load()).isEqualTo(chosen);
    }

    @Test
    void aFolderWhereTheFileShouldBeGivesTheDefaultsAndSavingDoesNotThrow() throws IOException {
        Path folderInTheWay = Files.createDirectories(folder.resolve("console-window.properties"));
        WindowMemory memory = new WindowMemory(folderInTheWay);

        assertThat(memory.load()).isEqualTo(DEFAULTS);
        memory.save(new WindowMemory.Remembered(1000, 700, Screen.CONFLICTS, new TextSize(15)));
        assertThat(memory.load()).isEqualTo(DEFAULTS);
    }
}

package com.unsubscribesync.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {
    @TempDir
    Path folder;

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStayText() {
        assertThat(CsvExport.cell("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvExport.cell("+1")).isEqualTo("'+1");
        assertThat(CsvExport.cell("-2")).isEqualTo("'-2");
        assertThat(CsvExport.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvExport.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvExport.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvExport.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.cell("=1,2")).isEqualTo("\"'=1,2\"");
    }

    @Test
    void theFileAppearsWholeOnlyWhenFinishedAndAnAbandonedOneLeavesNothing() throws Exception {
        Path target = folder.resolve("out.csv");
        Files.writeString(target, "the earlier export");
        try (CsvExport export = CsvExport.start(target, List.of("Email", "Reason"))) {
            export.row(List.of("ann@example.com", "by phone"));
            assertThat(Files.readString(target)).as("untouched while writing").isEqualTo("the earlier export");
            assertThat(export.finish()).isEqualTo(1);
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8))
                .isEqualTo("Email,Reason\r\nann@example.com,by phone\r\n");

        Path abandoned = folder.resolve("abandoned.csv");
        assertThatThrownBy(() -> {
                    try (CsvExport export = CsvExport.start(abandoned, List.of("Email"))) {
                        export.row(List.of("bo@example.com"));
                        throw new IllegalStateException("the store failed");
                    }
                })
                .isInstanceOf(IllegalStateException.class);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }
}

package com.unsubscribesync.localorg.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The records a batch's latency is reckoned by: its lines after the header, ended or not. */
class BatchCsvLinesTest {

    @Test
    void aBatchCountsTheLinesAfterItsHeader() {
        assertThat(BatchCsv.lines("Id,HasOptedOutOfEmail\n003A,true\n003B,false\n"))
                .isEqualTo(2);
        assertThat(BatchCsv.lines("Id,HasOptedOutOfEmail\n003A,true\n003B,false"))
                .isEqualTo(2);
        assertThat(BatchCsv.lines("Id,HasOptedOutOfEmail\n")).isZero();
        assertThat(BatchCsv.lines("")).isZero();
    }
}

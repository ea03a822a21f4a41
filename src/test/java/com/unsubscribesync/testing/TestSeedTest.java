package com.unsubscribesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class TestSeedTest {
    private final String before = System.getProperty(TestSeed.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(TestSeed.PROPERTY);
        } else {
            System.setProperty(TestSeed.PROPERTY, before);
        }
    }

    @Test
    void aSeedGivenOnTheCommandLineDrawsTheSameNumbersAgain() {
        System.setProperty(TestSeed.PROPERTY, "42");

        TestSeed seed = TestSeed.forTest("replay");

        assertThat(seed.value()).isEqualTo(42);
        assertThat(seed.random().nextLong())
                .isEqualTo(TestSeed.forTest("again").random().nextLong());
        assertThat(seed).hasToString("seed 42 (replay with -Dtest.seed=42)");
    }

    @Test
    void withoutOneEachTestDrawsAFreshSeed() {
        System.clearProperty(TestSeed.PROPERTY);

        assertThat(TestSeed.forTest("one").value())
                .isNotEqualTo(TestSeed.forTest("two").value());
    }

    @Test
    void aFailureOfATestGivenASeedStartsWithTheSeedToReplay() {
        System.setProperty(TestSeed.PROPERTY, "7");
        List<Throwable> thrown = new ArrayList<>();

        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(FailsWithASeed.class))
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                result.getThrowable().ifPresent(thrown::add);
                            }
                        });

        assertThat(thrown)
                .singleElement()
                .satisfies(failure -> assertThat(failure)
                        .isInstanceOf(AssertionError.class)
                        .hasMessage("seed 7 (replay with -Dtest.seed=7): record 003 not opted out")
                        .cause()
                        .hasMessage("record 003 not opted out"));
    }

    /** Run only by the test above (Surefire leaves nested classes out). */
    @ExtendWith(TestSeed.Given.class)
    static class FailsWithASeed {
        @Test
        void fails(TestSeed seed) {
            throw new AssertionError("record 003 not opted out");
        }
    }
}

package com.unsubscribesync.testing;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The seed of a test that draws random numbers: {@code -Dtest.seed=N} if given, else a fresh one. It is printed when
 * the test starts and put in front of every failure, so {@code mvn test -Dtest=TheTest -Dtest.seed=N} replays the
 * same draws. A test gets one as a parameter under {@code @ExtendWith(TestSeed.Given.class)}.
 */
public final class TestSeed {
    public static final String PROPERTY = "test.seed";

    private final long value;

    private TestSeed(long value) {
        this.value = value;
    }

    /** The seed asked for with {@code -Dtest.seed=N}, if any. */
    public static Optional<Long> chosen() {
        return Optional.ofNullable(Long.getLong(PROPERTY));
    }

    /** The chosen seed, else a fresh one; printed with how to replay it. */
    public static TestSeed forTest(String test) {
        TestSeed seed = new TestSeed(
                chosen().orElseGet(() -> ThreadLocalRandom.current().nextLong()));
        System.out.println(test + ": " + seed);
        return seed;
    }

    public long value() {
        return value;
    }

    /** A new generator that draws the same numbers for the same seed. */
    public Random random() {
        return new Random(value);
    }

    @Override
    public String toString() {
        return "seed " + value + " (replay with -D" + PROPERTY + "=" + value + ")";
    }

    /** Gives a test method its {@link TestSeed} and names the seed in whatever the test throws. */
    public static final class Given implements ParameterResolver, TestExecutionExceptionHandler {
        private static final ExtensionContext.Namespace SEEDS = ExtensionContext.Namespace.create(TestSeed.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestSeed.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(SEEDS).getOrComputeIfAbsent("seed", key -> forTest(name(context)), TestSeed.class);
        }

        private static String name(ExtensionContext context) {
            return context.getRequiredTestClass().getSimpleName()
                    + context.getTestMethod()
                            .map(method -> "." + method.getName())
                            .orElse("");
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
            TestSeed seed = context.getStore(SEEDS).get("seed", TestSeed.class);
            if (seed == null) {
                throw thrown;
            }
            AssertionError named = new AssertionError(seed + ": " + thrown.getMessage(), thrown);
            named.setStackTrace(thrown.getStackTrace());
            throw named;
        }
    }
}

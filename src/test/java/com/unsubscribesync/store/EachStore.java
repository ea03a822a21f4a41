package com.unsubscribesync.store;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs an {@link OnEachStore} test once on each database the store supports. Registered on a test class, it also
 * gives the class's plain {@code @Test}s (those that need H2, such as its triggers) an H2 database.
 */
final class EachStore implements TestTemplateInvocationContextProvider, ParameterResolver {
    private static final ExtensionContext.Namespace OPENED = ExtensionContext.Namespace.create(EachStore.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> method.isAnnotationPresent(OnEachStore.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(on("H2", TestStore::h2), on("PostgreSQL", TestStore::postgreSql));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        boolean eachStore = context.getTestMethod()
                .map(method -> method.isAnnotationPresent(OnEachStore.class))
                .orElse(true);
        return !eachStore && new Opens(TestStore::h2).supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Opens(TestStore::h2).resolveParameter(parameter, context);
    }

    private static TestTemplateInvocationContext on(String name, Supplier<TestStore> store) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "on " + name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Opens(store));
            }
        };
    }

    /** Gives the run its store and its database, made once per run and closed after it. */
    private record Opens(Supplier<TestStore> made) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Database.class || type == TestStore.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext.Store store = context.getStore(OPENED);
            TestStore testStore = store.getOrComputeIfAbsent(TestStore.class, key -> made.get(), TestStore.class);
            if (parameter.getParameter().getType() == TestStore.class) {
                return testStore;
            }
            return store.getOrComputeIfAbsent(Database.class, key -> new Closing(testStore.open()), Closing.class)
                    .database();
        }
    }

    private record Closing(Database database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}

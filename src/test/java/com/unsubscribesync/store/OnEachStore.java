package com.unsubscribesync.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run twice, on a fresh H2 database and on a fresh PostgreSQL one: the test and its {@code @BeforeEach} may
 * take the {@link Database} (opened for the run, closed after it) and the {@link TestStore} (to open it again).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachStore.class)
public @interface OnEachStore {}

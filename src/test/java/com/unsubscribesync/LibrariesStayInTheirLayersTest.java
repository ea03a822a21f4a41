package com.unsubscribesync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Which layers may touch JavaFX, JDBC, the pool, the PostgreSQL driver and force-wsc, read from the bytecode. */
@AnalyzeClasses(packages = "com.unsubscribesync", importOptions = ImportOption.DoNotIncludeTests.class)
class LibrariesStayInTheirLayersTest {
    private static final String[] JAVAFX = {"javafx..", "org.controlsfx.."};
    private static final String[] JDBC = {"java.sql..", "javax.sql.."};
    private static final String FORCE_WSC = "com.sforce..";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("com.unsubscribesync.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.controlsfx..", "java.sql..", "javax.sql..", FORCE_WSC);

    @ArchTest
    static final ArchRule javaFxOnlyInTheConsole = noClasses()
            .that()
            .resideOutsideOfPackages("com.unsubscribesync.ui..", "com.unsubscribesync.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JAVAFX);

    /** The local org answers with force-wsc's own status codes; the bare baseline benchmark calls force-wsc itself. */
    @ArchTest
    static final ArchRule forceWscOnlyBehindTheSalesforcePort = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "com.unsubscribesync.salesforce..", "com.unsubscribesync.localorg..", "com.unsubscribesync.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(FORCE_WSC);

    /** The local org keeps its state in its own H2 file; the list benchmark reads the store's tables directly. */
    @ArchTest
    static final ArchRule jdbcOnlyInTheStores = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "com.unsubscribesync.store..", "com.unsubscribesync.localorg..", "com.unsubscribesync.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(JDBC);

    /** The pool and the PostgreSQL driver are the store's business: everyone else asks it for a Database (ADR 0053). */
    @ArchTest
    static final ArchRule poolAndPostgreSqlDriverOnlyInTheStore = noClasses()
            .that()
            .resideOutsideOfPackage("com.unsubscribesync.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.zaxxer.hikari..", "org.postgresql..");
}

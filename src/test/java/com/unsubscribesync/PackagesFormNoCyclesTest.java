package com.unsubscribesync;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No two packages lean on each other, read from the bytecode so that full names count as much as imports. */
@AnalyzeClasses(packages = "com.unsubscribesync", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesFormNoCyclesTest {

    @ArchTest
    static final ArchRule layersFormNoCycle =
            slices().matching("com.unsubscribesync.(*)..").should().beFreeOfCycles();

    /**
     * Every package on its own, however deep: the screens of ui and the parts they share (the ui package itself),
     * the parts of the local org.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle =
            slices().matching("com.unsubscribesync.(**)").should().beFreeOfCycles();
}

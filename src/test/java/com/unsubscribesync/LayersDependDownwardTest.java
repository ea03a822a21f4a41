package com.unsubscribesync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;

/**
 * The allowed directions between layers (docs/architecture.md), read from the bytecode so that a type named by its
 * full name counts as much as an imported one. A layer that has no classes yet (usecase, bench) passes.
 */
@AnalyzeClasses(packages = "com.unsubscribesync", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersDependDownwardTest {
    private static final String[] LAYERS = {
        "domain",
        "files",
        "store",
        "collect",
        "links",
        "salesforce",
        "localorg",
        "sync",
        "layout",
        "usecase",
        "ui",
        "cli",
        "intake",
        "bench",
        "app"
    };

    @ArchTest
    static final ArchRule everyLayerDependsOnlyOnTheLayersBelowIt = layers().whereLayer("domain")
            .mayNotAccessAnyLayer()
            .whereLayer("files")
            .mayNotAccessAnyLayer()
            .whereLayer("store")
            .mayOnlyAccessLayers("files", "domain")
            .whereLayer("collect")
            .mayOnlyAccessLayers("store", "domain")
            .whereLayer("links")
            .mayOnlyAccessLayers("store", "files", "domain")
            .whereLayer("salesforce")
            .mayOnlyAccessLayers("files", "domain")
            .whereLayer("localorg")
            .mayOnlyAccessLayers("domain")
            .whereLayer("sync")
            .mayOnlyAccessLayers("salesforce", "store", "domain")
            .whereLayer("layout")
            .mayOnlyAccessLayers("salesforce", "store", "domain")
            .whereLayer("usecase")
            .mayOnlyAccessLayers("sync", "layout", "collect", "store", "salesforce", "domain")
            .whereLayer("ui")
            .mayOnlyAccessLayers("usecase", "sync", "layout", "collect", "links", "store", "files", "domain")
            .whereLayer("cli")
            .mayOnlyAccessLayers("usecase", "sync", "layout", "collect", "links", "store", "domain")
            .whereLayer("intake")
            .mayOnlyAccessLayers("usecase", "links", "domain")
            .whereLayer("bench")
            .mayOnlyAccessLayers("sync", "store", "salesforce", "localorg", "collect", "layout", "domain")
            .whereLayer("localorg")
            .mayOnlyBeAccessedByLayers("app", "bench")
            .whereLayer("bench")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("intake")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("app")
            .mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule everyClassBelongsToALayer = classes()
            .should()
            .resideInAnyPackage(packagesOf(LAYERS))
            .as("every class lives in one of the layers " + String.join(", ", LAYERS));

    private static LayeredArchitecture layers() {
        LayeredArchitecture layers =
                layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy(packageOf(layer));
        }
        return layers;
    }

    private static String[] packagesOf(String... layers) {
        return Arrays.stream(layers).map(LayersDependDownwardTest::packageOf).toArray(String[]::new);
    }

    private static String packageOf(String layer) {
        return "com.unsubscribesync." + layer + "..";
    }
}

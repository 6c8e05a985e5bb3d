package com.omnis.journeys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The habits of docs/design.md that a reader relies on, checked on every function module and shared. */
class LayeringTest {

    private static final JavaClasses OMNIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.omnis");

    @Test
    void servicesDecideWithoutAwsTypes() {
        noClasses().that().haveSimpleNameEndingWith("Service").and().resideOutsideOfPackage("com.omnis.local..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "com.amazonaws..")
                .because("the decision lives in a class with no AWS type in its API (STYLE.md habit 2)")
                .check(OMNIS);
    }

    @Test
    void productionCodeNeverDependsOnTheLocalRuntime() {
        noClasses().that().resideOutsideOfPackage("com.omnis.local..")
                .and().resideOutsideOfPackage("com.omnis.journeys..")
                .should().dependOnClassesThat().resideInAPackage("com.omnis.local..")
                .because("the local runtime is for development and tests only")
                .check(OMNIS);
    }

    @Test
    void sharedDependsOnNoFunction() {
        noClasses().that().resideInAPackage("com.omnis.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("com.omnis.catalog..", "com.omnis.carts..",
                        "com.omnis.inventory..", "com.omnis.relay..")
                .check(OMNIS);
    }

    @Test
    void servicesAndDomainSpeakNoHttp() {
        noClasses().that().resideInAnyPackage("com.omnis..service..", "com.omnis..domain..")
                .should().dependOnClassesThat().resideInAPackage("com.omnis.shared.http..")
                .because("services take domain values and report domain errors; only the edge speaks HTTP")
                .check(OMNIS);
    }
}

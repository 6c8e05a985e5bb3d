package com.omnis.journeys;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The habits of docs/design.md that a reader relies on, checked on every function module and shared. */
class LayeringTest {

    private static final JavaClasses OMNIS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.omnis");

    /** The bounded contexts, one function module each (docs/architecture.md). */
    private static final List<String> FUNCTIONS = List.of("catalog", "carts", "inventory", "relay", "orders",
            "customers", "notifications");

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
    void aFunctionReachesAnotherFunctionOnlyThroughItsCheckoutPackage() {
        List<String> violations = new ArrayList<>();
        for (String from : FUNCTIONS) {
            for (String to : FUNCTIONS) {
                if (from.equals(to)) {
                    continue;
                }
                EvaluationResult result = noClasses().that().resideInAPackage("com.omnis." + from + "..")
                        .should().dependOnClassesThat(resideInAPackage("com.omnis." + to + "..")
                                .and(not(resideInAPackage("com.omnis." + to + ".checkout.."))))
                        .because("a function publishes at most one package for others (its checkout parts);"
                                + " the rest is its own to change")
                        .allowEmptyShould(true)
                        .evaluate(OMNIS);
                violations.addAll(result.getFailureReport().getDetails());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void servicesAndDomainSpeakNoHttp() {
        noClasses().that().resideInAnyPackage("..service..", "..domain..")
                .should().dependOnClassesThat().resideInAPackage("com.omnis.shared.http..")
                .because("services report domain outcomes (shared.error); Router is the one place that maps them to HTTP")
                .check(OMNIS);
    }
}

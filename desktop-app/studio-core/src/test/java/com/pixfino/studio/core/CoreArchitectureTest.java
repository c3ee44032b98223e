package com.pixfino.studio.core;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.concurrent.Executors;

/** The core is what a command line and a batch engine share with the studio: it must never need a UI toolkit. */
@AnalyzeClasses(packages = "com.pixfino.studio.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the CLI and the batch engine run the core without a UI toolkit");

    @ArchTest
    static final ArchRule coreNeverUsesTheStudioOrTheServer = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.pixfino.server..")
            .orShould()
            .dependOnClassesThat(DescribedPredicate.describe(
                    "studio classes outside the core",
                    c -> c.getPackageName().startsWith("com.pixfino.studio")
                            && !c.getPackageName().startsWith("com.pixfino.studio.core")));

    @ArchTest
    static final ArchRule threadsComeFromTheConcurrencyPackage = noClasses()
            .that()
            .resideOutsideOfPackage("com.pixfino.studio.core.concurrent..")
            .should()
            .callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(Executors.class)
            .because("threads are named daemons with an uncaught-exception handler: use NamedThreads");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("com.pixfino.studio.core.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}

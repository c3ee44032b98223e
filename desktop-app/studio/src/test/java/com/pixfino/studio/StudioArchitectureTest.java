package com.pixfino.studio;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.concurrent.Executors;
import javafx.application.Platform;

@AnalyzeClasses(packages = "com.pixfino.studio", importOptions = ImportOption.DoNotIncludeTests.class)
class StudioArchitectureTest {

    @ArchTest
    static final ArchRule studioNeverUsesServerCode = noClasses()
            .that()
            .resideInAPackage("com.pixfino.studio..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.pixfino.server..");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("com.pixfino.studio.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule viewModelsDoNotTouchNodes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule threadsComeFromTheConcurrencyPackages = noClasses()
            .that()
            .resideOutsideOfPackages("com.pixfino.studio.concurrent..", "com.pixfino.studio.core.concurrent..")
            .should()
            .callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(Executors.class)
            .because(
                    "threads are named daemons with an uncaught-exception handler: use NamedThreads or the TaskExecutor");

    @ArchTest
    static final ArchRule onlyTheTaskExecutorHandsWorkToTheFxThread = noClasses()
            .that()
            .resideOutsideOfPackage("com.pixfino.studio.concurrent..")
            .should()
            .callMethod(Platform.class, "runLater", Runnable.class);
}

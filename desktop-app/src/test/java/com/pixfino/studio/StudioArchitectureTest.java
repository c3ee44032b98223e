package com.pixfino.studio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import javafx.application.Platform;

@AnalyzeClasses(packages = "com.pixfino.studio", importOptions = ImportOption.DoNotIncludeTests.class)
class StudioArchitectureTest {

    @ArchTest
    static final ArchRule studioNeverUsesServerCode = noClasses()
            .that().resideInAPackage("com.pixfino.studio..")
            .should().dependOnClassesThat().resideInAPackage("com.pixfino.server..");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("com.pixfino.studio.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule viewModelsDoNotTouchNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule localCompanionIsFreeOfJavaFx = noClasses()
            .that().resideInAPackage("com.pixfino.studio.companion..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule onlyTheTaskExecutorHandsWorkToTheFxThread = noClasses()
            .that().resideOutsideOfPackage("com.pixfino.studio.concurrent..")
            .should().callMethod(Platform.class, "runLater", Runnable.class);
}

package com.pixfino.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The contract both sides compile against stays free of UI, web and database frameworks. */
@AnalyzeClasses(packages = "com.pixfino.model", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedModelArchitectureTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "io.javalin..",
                    "java.sql..",
                    "javax.sql..",
                    "org.jooq..",
                    "org.eclipse.jetty..",
                    "com.pixfino.server..",
                    "com.pixfino.studio..")
            .because("the server must never inherit JavaFX and the studio must never inherit Javalin or JDBC");

    @ArchTest
    static final ArchRule noCycles =
            slices().matching("com.pixfino.model.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}

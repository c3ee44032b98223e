package com.pixfino.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The command line runs where there is no display: no UI toolkit, and it talks to people only through Console. */
@AnalyzeClasses(packages = "com.pixfino.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule noJavaFxNorServer = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "com.sun.javafx..", "com.pixfino.server..", "com.pixfino.studio")
            .because("the CLI runs on servers and in CI on the core alone");

    @ArchTest
    static final ArchRule standardStreamsOnlyThroughConsole = noClasses()
            .that()
            .doNotHaveSimpleName("Console")
            .and()
            .doNotHaveSimpleName("Interrupts")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("tests hand commands their own streams; Interrupts flushes the real ones before the JVM halts");
}

package com.pixfino.server.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.concurrent.Executors;

/** The house rules of ../shared/STYLE.md that a compiler does not check. */
@AnalyzeClasses(packages = "com.pixfino.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule neverImportsTheStudio = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.pixfino.studio..", "javafx..")
            .because("the server must never inherit the desktop app or JavaFX");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("com.pixfino.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule slf4jOnly = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule servicesNeverSeeTheHttpContext = classes()
            .that()
            .haveSimpleNameEndingWith("Service")
            .or()
            .haveSimpleNameEndingWith("Ledger")
            .or()
            .haveSimpleNameEndingWith("Catalog")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackage("io.javalin..")
            .because("services are tested without HTTP (javalin-samples)");

    @ArchTest
    static final ArchRule onlyTheHttpLayerSeesHttp = noClasses()
            .that(outsideTheHttpLayer())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.pixfino.server.http..", "io.javalin..")
            .because(
                    "services throw DomainException and never see a request; only http/ErrorMapping turns refusals into statuses");

    @ArchTest
    static final ArchRule threadsComeFromServerThreads = noClasses()
            .that()
            .resideOutsideOfPackage("com.pixfino.server.concurrent..")
            .should()
            .callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .because("every server thread is named, daemon and logs what escapes it: use concurrent.ServerThreads");

    @ArchTest
    static final ArchRule poolsComeFromServerThreads = noClasses()
            .that()
            .resideOutsideOfPackage("com.pixfino.server.concurrent..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Executors.class)
            .because(
                    "Executors' default threads are anonymous and swallow what escapes them: use concurrent.ServerThreads");

    /** Outside the http package, the app factory, the composition root and the *Routes handlers (with their nested classes). */
    private static DescribedPredicate<JavaClass> outsideTheHttpLayer() {
        return DescribedPredicate.describe(
                "are outside the HTTP layer (..http.., PixfinoApi, ServerApp, *Routes)", type -> {
                    String topLevel = type.getName().replaceAll("\\$.*", "");
                    boolean httpLayer = (type.getPackageName() + ".").startsWith("com.pixfino.server.http.")
                            || topLevel.equals("com.pixfino.server.PixfinoApi")
                            || topLevel.equals("com.pixfino.server.ServerApp")
                            || topLevel.endsWith("Routes");
                    return !httpLayer;
                });
    }
}

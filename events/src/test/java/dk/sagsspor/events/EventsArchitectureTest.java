package dk.sagsspor.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language depends on the JDK only, so any consumer can use it. */
@AnalyzeClasses(packages = "dk.sagsspor.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    @ArchTest
    static final ArchRule eventsDependOnTheJdkOnly =
            classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dk.sagsspor.events..");

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that()
            .implement(SagssporEvent.class)
            .and()
            .areNotInterfaces()
            .should()
            .beRecords();
}

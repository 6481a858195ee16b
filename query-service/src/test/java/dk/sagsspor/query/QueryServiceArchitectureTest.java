package dk.sagsspor.query;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query service's feature packages depend on one another without a cycle: a feature that needs another's data asks
 * its public store, and where the two would need each other one side owns an interface the other implements (the items
 * ask for meetings' starts through {@code MeetingStarts}).
 */
@AnalyzeClasses(packages = "dk.sagsspor.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dk.sagsspor.query.(*)..").should().beFreeOfCycles();
}

package dk.sagsspor.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dk.sagsspor.testsupport.ArchitectureRules;

/**
 * The query service's feature packages depend on one another without a cycle (the items ask for meetings' starts
 * through {@code MeetingStarts}, which the meetings implement), and its controllers hold no SQL.
 */
@AnalyzeClasses(packages = "dk.sagsspor.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresFreeOfCycles("dk.sagsspor.query");

    @ArchTest
    static final ArchRule controllersHoldNoSql = ArchitectureRules.controllersHoldNoSql();
}

package dk.sagsspor.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dk.sagsspor.testsupport.ArchitectureRules;

/**
 * The command service's feature packages depend on one another without a cycle (a command that creates an aggregate
 * names its committee through {@link NewForCommittee}, so the committee check needs no feature's commands), and its
 * controllers hold no SQL.
 */
@AnalyzeClasses(packages = "dk.sagsspor.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandServiceArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresFreeOfCycles("dk.sagsspor.command");

    @ArchTest
    static final ArchRule controllersHoldNoSql = ArchitectureRules.controllersHoldNoSql();
}

package dk.sagsspor.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The rules both services' code is held to (each service's architecture test applies them to its classes). */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /**
     * The feature packages below {@code base} depend on one another without a cycle: a feature that needs another's
     * data asks its public store, and where two would need each other, one owns an interface the other implements.
     */
    public static ArchRule featuresFreeOfCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    /** A controller speaks HTTP and asks its feature's store; the SQL is in the store. */
    public static ArchRule controllersHoldNoSql() {
        return noClasses()
                .that()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should()
                .dependOnClassesThat()
                .areAssignableTo("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo("org.springframework.jdbc.core.JdbcOperations");
    }
}

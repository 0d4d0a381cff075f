package cn.hetu;

import javax.sql.DataSource;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the back end, checked on every build (see ARCHITECTURE.md). A feature is a package under
 * {@code cn.hetu}; its public API is its public types, and those are never its web controllers nor the
 * classes that hold its SQL (Queries, Writes, Store): other features call its services, not its endpoints
 * or tables.
 */
@AnalyzeClasses(packages = "cn.hetu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("cn.hetu.(*)..").should().beFreeOfCycles();

    /** Foundation below catalogue below access below the shared query and edit services below the features. */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("cn.hetu..")
        .layer("Application").definedBy("cn.hetu")
        .layer("Foundation").definedBy("cn.hetu.system..", "cn.hetu.geo..")
        .layer("Catalogue").definedBy("cn.hetu.catalog..")
        .layer("Access").definedBy("cn.hetu.security..", "cn.hetu.audit..")
        .layer("Shared").definedBy("cn.hetu.edit..", "cn.hetu.cql2..", "cn.hetu.query..", "cn.hetu.county..")
        .layer("Features").definedBy("cn.hetu.ogcapi..", "cn.hetu.export..", "cn.hetu.tiles..", "cn.hetu.stats..",
                "cn.hetu.parcel..", "cn.hetu.project..", "cn.hetu.river..", "cn.hetu.imports..", "cn.hetu.search..",
                "cn.hetu.setup..", "cn.hetu.seed..", "cn.hetu.styles..", "cn.hetu.plan..", "cn.hetu.land..", "cn.hetu.invest..",
                "cn.hetu.enterprise..", "cn.hetu.approval..", "cn.hetu.station..")
        .whereLayer("Features").mayOnlyBeAccessedByLayers("Features", "Application")
        .whereLayer("Shared").mayOnlyBeAccessedByLayers("Shared", "Features", "Application")
        .whereLayer("Access").mayOnlyBeAccessedByLayers("Access", "Shared", "Features", "Application")
        .whereLayer("Catalogue").mayOnlyBeAccessedByLayers("Catalogue", "Access", "Shared", "Features", "Application");

    @ArchTest
    static final ArchRule systemDependsOnNothingAboveIt = noClasses().that().resideInAPackage("cn.hetu.system..")
        .should().dependOnClassesThat(resideInAPackage("cn.hetu..").and(not(resideInAPackage("cn.hetu.system.."))));

    @ArchTest
    static final ArchRule geoDependsOnlyOnSystem = noClasses().that().resideInAPackage("cn.hetu.geo..")
        .should().dependOnClassesThat(resideInAPackage("cn.hetu..").and(not(resideInAnyPackage("cn.hetu.geo..",
                "cn.hetu.system.."))));

    @ArchTest
    static final ArchRule controllersHoldNoSql = noClasses().that().areAnnotatedWith(RestController.class)
        .or().areAnnotatedWith(Controller.class)
        .should().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
        .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
        .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
        .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
        .because("a controller parses the request and shapes the reply; SQL lives in the feature's Queries/Writes/Store");

    @ArchTest
    static final ArchRule controllersAreNoFeatureApi = classes().that().areAnnotatedWith(RestController.class)
        .or().areAnnotatedWith(Controller.class)
        .should().notBePublic()
        .because("other features call a feature's services, never its endpoints");

    @ArchTest
    static final ArchRule sqlStaysInsideItsFeature = classes().that().haveSimpleNameEndingWith("Queries")
        .or().haveSimpleNameEndingWith("Writes")
        .or().haveSimpleNameEndingWith("Store")
        .should().notBePublic()
        .because("a feature's tables are read and written by that feature alone");

}

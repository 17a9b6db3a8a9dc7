package org.entente;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of ../shared/STYLE.md and issue 7, checked on the compiled classes (app and the modules it
 * uses). Plain ArchUnit from ordinary JUnit tests: no ArchUnit test engine.
 */
class ArchitectureTest {

    private static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // The analytics test jar (its bundle rules, shared with TranslationsTest) is test code too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                // ./entente test builds in target/airgap (app/pom.xml), where ArchUnit's Maven pattern
                // (/target/test-classes/) does not see the test classes.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("org.entente");
    }

    @Test
    void theAnalyticsEngineKnowsNoUiNoSpringAndNoAppCode() {
        // org.entente.label.standard (analytics module): the confidentiality label builder the engine's briefings and
        // the app's exports share (issue 20), in a package of its own so that features the analytics screen names
        // (contributions) can use it without a cycle through the analytics slice. It obeys the engine's rule.
        ArchRule rule = noClasses().that().resideInAnyPackage("org.entente.analytics.engine..", "org.entente.label.standard..")
                .should().dependOnClassesThat(resideInAnyPackage("com.vaadin..", "org.springframework..", "jakarta.servlet..")
                        .or(resideInAPackage("org.entente..").and(not(resideInAnyPackage("org.entente.analytics.engine..",
                                "org.entente.label.standard..")))))
                .because("the analytics module owns DuckDB, the snapshot, rollups and disclosure control, and is "
                        + "wired by the app, never the other way round (issue 7, Architecture)");
        rule.check(imported);
    }

    @Test
    void viewsReachTheDatabaseOnlyThroughServices() {
        ArchRule rule = noClasses().that().resideInAPackage("org.entente..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "org.entente.db.jooq..", "org.duckdb..", "org.postgresql..")
                .because("views build components and call a service; no SQL in views (STYLE.md, walking skeleton)");
        rule.check(imported);
    }

    @Test
    void viewsReadFiguresThroughTheAnalyticsService() {
        ArchRule rule = noClasses().that().resideInAPackage("org.entente..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.entente.analytics.engine.Analytics")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.entente.analytics.engine.snapshot.SnapshotStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.entente.analytics.engine.snapshot.SnapshotReader")
                .because("AnalyticsService decides the viewer from the signed-in token; a view must not ask the "
                        + "engine for another viewer's figures or open the snapshot itself");
        rule.check(imported);
    }

    /**
     * Shared plumbing does not know features (STYLE.md, Drift 1). The dependencies below existed when this
     * rule was written and are frozen here, each by name, until the signed-in user's affiliation moves into
     * platform (or the dependency is inverted); any new one fails.
     */
    private static final Set<String> PLATFORM_TO_FEATURE_DRIFT = Set.of(
            // The principal carries the tenant decided at sign-in, typed by tenant's Affiliation.
            "org.entente.platform.security.CurrentUser -> org.entente.tenant.Affiliation",
            "org.entente.platform.security.SignedInUser -> org.entente.tenant.Affiliation",
            "org.entente.platform.security.OrganizationClaim -> org.entente.tenant.OrganizationRef",
            "org.entente.platform.security.SignInUserService -> org.entente.tenant.SignIn",
            "org.entente.platform.security.SignInUserService -> org.entente.tenant.TenantService",
            // The frame shows the organization's name and the notification bell.
            "org.entente.platform.ui.MainLayout -> org.entente.tenant.Affiliation",
            "org.entente.platform.ui.MainLayout -> org.entente.tenant.TenantService",
            "org.entente.platform.ui.MainLayout -> org.entente.tenant.Tenant",
            "org.entente.platform.ui.MainLayout -> org.entente.notification.NotificationService",
            "org.entente.platform.ui.MainLayout -> org.entente.notification.ui.NotificationBell",
            // The access guard and its problem pages read the tenant's status.
            "org.entente.platform.ui.TenantAccessGuard -> org.entente.tenant.Affiliation",
            "org.entente.platform.ui.TenantAccessGuard -> org.entente.tenant.TenantService",
            "org.entente.platform.ui.TenantAccessGuard -> org.entente.tenant.Tenant",
            "org.entente.platform.ui.TenantAccessGuard -> org.entente.tenant.TenantStatus",
            "org.entente.platform.ui.NoOrganizationView -> org.entente.tenant.Affiliation",
            "org.entente.platform.ui.OrganizationUnavailableView -> org.entente.tenant.Tenant",
            "org.entente.platform.ui.OrganizationUnavailableView -> org.entente.tenant.TenantService",
            "org.entente.platform.ui.OrganizationUnavailableView -> org.entente.tenant.TenantStatus");

    @Test
    void platformDependsOnNoFeatureBeyondTheFrozenDrift() {
        ArchCondition<JavaClass> noNewFeatureDependency = new ArchCondition<>(
                "depend on no feature package beyond the frozen drift") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (feature(dependency.getTargetClass()) && !PLATFORM_TO_FEATURE_DRIFT.contains(pair(dependency))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
        classes().that().resideInAPackage("org.entente.platform..").should(noNewFeatureDependency)
                .because("platform/ is shared plumbing and must not know features (STYLE.md, Drift 1)")
                .check(imported);
    }

    /** The frozen list only shrinks: an entry whose dependency is gone must be struck off. */
    @Test
    void everyFrozenPlatformDependencyStillExists() {
        Set<String> present = new TreeSet<>();
        imported.stream().filter(c -> c.getPackageName().startsWith("org.entente.platform"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> feature(d.getTargetClass()))
                .forEach(d -> present.add(pair(d)));
        Set<String> gone = new TreeSet<>(PLATFORM_TO_FEATURE_DRIFT);
        gone.removeAll(present);
        assertThat(gone).as("fixed drift: remove these from PLATFORM_TO_FEATURE_DRIFT").isEmpty();
    }

    private static boolean feature(JavaClass target) {
        String name = target.getPackageName();
        return name.startsWith("org.entente.") && !name.startsWith("org.entente.platform")
                && !name.startsWith("org.entente.db") && !name.startsWith("org.entente.keycloak");
    }

    private static String pair(Dependency dependency) {
        return topLevel(dependency.getOriginClass()) + " -> " + topLevel(dependency.getTargetClass());
    }

    /**
     * The features add their tabs and home sections through workstream/ui's extension points (STYLE.md, Drift 2),
     * so workstream no longer knows them. Two edges from workstream still close a cycle and are frozen here by name:
     * WorkstreamService records activity, and an R&D project's details (technology area) and overview (work
     * packages) live in workstream. Any other cycle between feature packages fails.
     */
    private static final List<String> WORKSTREAM_COMPOSES = List.of("activity", "rnd");

    /** Feature packages (everything but platform and the modules) that are free of cycles stay so. */
    @Test
    void featurePackagesAreFreeOfCycles() {
        SliceRule rule = slices().matching("org.entente.(*)..")
                .that(new DescribedPredicate<>("are feature packages") {
                    @Override
                    public boolean test(Slice slice) {
                        return !Set.of("platform", "db", "keycloak").contains(slice.getNamePart(1));
                    }
                })
                .should().beFreeOfCycles();
        for (String feature : WORKSTREAM_COMPOSES) {
            rule = rule.ignoreDependency(resideInAPackage("org.entente.workstream.."),
                    resideInAPackage("org.entente." + feature + ".."));
        }
        rule.check(imported);
    }

    /** The frozen list only shrinks: an edge that no longer closes a cycle must be struck off. */
    @Test
    void everyFrozenWorkstreamEdgeStillClosesACycle() {
        Map<String, Set<String>> edges = featureEdges();
        Set<String> gone = new TreeSet<>();
        for (String feature : WORKSTREAM_COMPOSES) {
            if (!edges.getOrDefault("workstream", Set.of()).contains(feature)
                    || !reaches(edges, feature, "workstream")) {
                gone.add(feature);
            }
        }
        assertThat(gone).as("no cycle left: remove these from WORKSTREAM_COMPOSES").isEmpty();
    }

    /** Which feature package depends on which (by the second name part, as the slices of the cycle rule). */
    private static Map<String, Set<String>> featureEdges() {
        Map<String, Set<String>> edges = new TreeMap<>();
        imported.stream().filter(ArchitectureTest::inFeature)
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .filter(d -> inFeature(d.getTargetClass()))
                .forEach(d -> {
                    String from = featureOf(d.getOriginClass());
                    String to = featureOf(d.getTargetClass());
                    if (!from.equals(to)) {
                        edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                });
        return edges;
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String to) {
        Set<String> seen = new TreeSet<>(Set.of(from));
        java.util.Deque<String> open = new java.util.ArrayDeque<>(List.of(from));
        while (!open.isEmpty()) {
            for (String next : edges.getOrDefault(open.pop(), Set.of())) {
                if (next.equals(to)) {
                    return true;
                }
                if (seen.add(next)) {
                    open.push(next);
                }
            }
        }
        return false;
    }

    private static boolean inFeature(JavaClass type) {
        return feature(type) && type.getPackageName().split("\\.").length > 2;
    }

    private static String featureOf(JavaClass type) {
        return type.getPackageName().split("\\.")[2];
    }

    private static String topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }
}

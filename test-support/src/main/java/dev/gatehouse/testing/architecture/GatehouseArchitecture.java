package dev.gatehouse.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The architecture every module keeps, as ArchUnit rules each module's {@code ArchitectureTest}
 * checks against its own production classes: services reach auth-common only through its public
 * {@code api} package (as quarkus-oidc keeps {@code io.quarkus.oidc} apart from {@code
 * io.quarkus.oidc.runtime}), resources stay thin, feature packages do not depend on each other in
 * circles, and no production class uses the dev-only machinery.
 */
public final class GatehouseArchitecture {

    /** auth-common's public API: what services may use. */
    public static final String LIBRARY_API = "dev.gatehouse.auth.api..";

    private static final String LIBRARY = "dev.gatehouse.auth..";

    /** Dev-only machinery: on the class path in dev mode and tests, never in a production build. */
    private static final String[] DEV_ONLY = {"dev.gatehouse.redis.local..", "dev.gatehouse.dev.."};

    private static final String[] REDIS = {
        "io.quarkus.redis..", "io.vertx.redis..", "io.vertx.mutiny.redis.."
    };

    private GatehouseArchitecture() {}

    /** The production classes under {@code dev.gatehouse} on the class path, tests left out. */
    public static JavaClasses productionClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gatehouse");
    }

    /** A service's classes (under {@code root}) use no auth-common class outside its API. */
    public static ArchRule usesOnlyTheLibraryApi(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage(LIBRARY).and(not(resideInAPackage(LIBRARY_API))))
                .because(
                        "services use only auth-common's public API, dev.gatehouse.auth.api;"
                                + " everything else in auth-common is internal");
    }

    /**
     * As {@link #usesOnlyTheLibraryApi(String)}, except that the classes of {@code issuers} (the
     * packages that issue IAM credentials: identity-service's STS and identity pools) may also use
     * the IAM packages {@code spi} (credentials, policies, their configuration) that the verifying
     * half of IAM reads, and nothing else of auth-common.
     */
    public static ArchRule usesOnlyTheLibraryApi(String root, String[] issuers, String[] spi) {
        String[] allowed =
                Stream.concat(Stream.of(LIBRARY_API), Stream.of(spi)).toArray(String[]::new);
        ArchRule others =
                noClasses()
                        .that()
                        .resideInAPackage(root + "..")
                        .and()
                        .resideOutsideOfPackages(issuers)
                        .should()
                        .dependOnClassesThat(
                                resideInAPackage(LIBRARY).and(not(resideInAPackage(LIBRARY_API))))
                        .because(
                                "services use only auth-common's public API,"
                                        + " dev.gatehouse.auth.api");
        ArchRule issuing =
                noClasses()
                        .that()
                        .resideInAnyPackage(issuers)
                        .should()
                        .dependOnClassesThat(
                                resideInAPackage(LIBRARY).and(not(resideInAnyPackage(allowed))))
                        .because(
                                "credential issuers use auth-common's API and the IAM"
                                        + " credential and policy SPI only");
        return CompositeArchRule.of(others).and(issuing);
    }

    /** Resources ({@code rest} packages) map HTTP to a service call: they never touch Redis. */
    public static ArchRule resourcesDoNotTouchRedis(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..rest..")
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage(REDIS).or(name("dev.gatehouse.auth.api.RedisScript")))
                .because("a resource maps HTTP to a service call and a status, nothing else");
    }

    /** Nothing but a resource depends on a resource: services never call back into HTTP. */
    public static ArchRule onlyResourcesUseResources(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + "..rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "..rest..")
                .because("the rest layer sits on top of a feature, never under it");
    }

    /**
     * The feature packages directly under {@code root} depend on each other without cycles. A
     * resource may serve a route from several features (the top layer composes), so what its {@code
     * rest} package uses is left out; the features below form a graph without cycles.
     */
    public static SliceRule featurePackagesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(resideInAPackage(root + "..rest.."), alwaysTrue());
    }

    /**
     * As {@link #featurePackagesAreFreeOfCycles(String)} for a library whose public API package
     * {@code api} is both the vocabulary its features share and the facade over them: it is left
     * out, and the features among themselves are free of cycles.
     */
    public static SliceRule featurePackagesAreFreeOfCycles(String root, String api) {
        return featurePackagesAreFreeOfCycles(root)
                .ignoreDependency(resideInAPackage(api), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage(api));
    }

    /** No production class uses the dev-only machinery (local Redis, dev config sources). */
    public static ArchRule noDevMachineryInProduction() {
        return noClasses()
                .that()
                .resideOutsideOfPackages(DEV_ONLY)
                .and()
                .resideOutsideOfPackage("dev.gatehouse.testing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(DEV_ONLY)
                .because("dev-only machinery is off the production class path and native images");
    }

    /**
     * The public members of the public types of {@code apiPackage} mention no type of {@code
     * library} outside it: what the API hands out and takes is API too.
     */
    public static ArchRule apiExposesOnlyApiTypes(String apiPackage, String library) {
        return ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(apiPackage)
                .and()
                .arePublic()
                .should(exposeNoTypeOf(library, apiPackage))
                .because("a public API that hands out internal types makes them public too");
    }

    private static ArchCondition<JavaClass> exposeNoTypeOf(String library, String api) {
        return new ArchCondition<>(
                "expose no type of " + library + " outside " + api + " in a public member") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaCodeUnit member : type.getCodeUnits()) {
                    if (member.getModifiers().contains(JavaModifier.PUBLIC)) {
                        Set<JavaClass> involved = new java.util.HashSet<>();
                        member.getParameterTypes()
                                .forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
                        involved.addAll(member.getReturnType().getAllInvolvedRawTypes());
                        report(type, member.getFullName(), involved, events);
                    }
                }
                for (JavaField field : type.getFields()) {
                    if (field.getModifiers().contains(JavaModifier.PUBLIC)) {
                        report(
                                type,
                                field.getFullName(),
                                field.getType().getAllInvolvedRawTypes(),
                                events);
                    }
                }
            }

            private void report(
                    JavaClass type,
                    String member,
                    Set<JavaClass> involved,
                    ConditionEvents events) {
                for (JavaClass used : involved) {
                    if (resideInAPackage(library).test(used) && !resideInAPackage(api).test(used)) {
                        events.add(
                                SimpleConditionEvent.violated(
                                        type, member + " exposes internal " + used.getName()));
                    }
                }
            }
        };
    }
}

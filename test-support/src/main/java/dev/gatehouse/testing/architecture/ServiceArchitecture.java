package dev.gatehouse.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The rules of {@link GatehouseArchitecture} every service keeps, checked in one call: it uses
 * auth-common only through its API, its resources never touch Redis, only resources depend on
 * resources, its feature packages are free of cycles, and it uses no dev-only machinery.
 *
 * <p>A service with an exception states it by replacing that one rule with a narrower one built
 * from the same rule ({@link #libraryUse}), so its {@code ArchitectureTest} shows exactly what
 * differs and why; every other rule stays as it is. A violation names the rule it breaks.
 */
public final class ServiceArchitecture {

    private final String root;
    private final ArchRule libraryUse;

    private ServiceArchitecture(String root, ArchRule libraryUse) {
        this.root = root;
        this.libraryUse = libraryUse;
    }

    /** The rules for the service whose classes live under {@code root}, without exceptions. */
    public static ServiceArchitecture of(String root) {
        return new ServiceArchitecture(root, GatehouseArchitecture.usesOnlyTheLibraryApi(root));
    }

    /** The same rules, with {@code rule} for the use of auth-common. */
    public ServiceArchitecture libraryUse(ArchRule rule) {
        return new ServiceArchitecture(root, rule);
    }

    /** Every rule, as one. */
    public ArchRule rule() {
        return CompositeArchRule.of(libraryUse)
                .and(GatehouseArchitecture.resourcesDoNotTouchRedis(root))
                .and(GatehouseArchitecture.onlyResourcesUseResources(root))
                .and(GatehouseArchitecture.featurePackagesAreFreeOfCycles(root))
                .and(GatehouseArchitecture.noDevMachineryInProduction());
    }

    /** Checks every rule against {@code classes}; fails listing each rule broken and how. */
    public void check(JavaClasses classes) {
        rule().check(classes);
    }
}

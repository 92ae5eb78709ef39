package org.hipaaiam.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of the bundle depends on a package that depends back on it, in any module: each capability can
 * be read, tested and changed from the bottom up. Every package is its own slice, so a cycle between two
 * sub-packages of one module fails as surely as one between modules.
 */
class PackageCyclesTest {

    private static final JavaClasses BUNDLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hipaaiam");

    @Test
    void noPackageCycles() {
        slices().matching("org.hipaaiam.(**)").should().beFreeOfCycles().check(BUNDLE);
    }
}

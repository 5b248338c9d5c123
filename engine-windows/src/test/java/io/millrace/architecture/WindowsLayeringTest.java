package io.millrace.windows.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of engine-windows: the assigners, triggers and evictors users import never
 * reach into the engine's internals. Only this module's classes are checked (core checks its
 * own). No exceptions are listed, on purpose.
 */
class WindowsLayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("io.millrace");
  }

  @Test
  void publicWindowingApiDoesNotDependOnInternals() {
    noClasses().that().resideInAPackage("io.millrace.api..")
        .should().dependOnClassesThat().resideInAnyPackage("..runtime..", "..internal..")
        .because("the public API must not expose or import engine internals")
        .check(classes);
  }

  @Test
  void theModuleContainsPublicApiClassesToCheck() {
    org.assertj.core.api.Assertions.assertThat(classes.that(
        com.tngtech.archunit.base.DescribedPredicate.describe("in io.millrace.api.windowing.assigners",
            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("io.millrace.api.windowing.assigners"))))
        .isNotEmpty();
  }
}

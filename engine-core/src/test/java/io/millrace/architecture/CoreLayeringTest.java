package io.millrace.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of engine-core: what users import (io.millrace.api..) never reaches into
 * the engine's internals, so internals can change freely. No exceptions are listed, on purpose.
 */
class CoreLayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.millrace");
  }

  @Test
  void publicApiPackagesDoNotDependOnInternals() {
    noClasses().that().resideInAPackage("io.millrace.api..")
        .should().dependOnClassesThat().resideInAnyPackage("..runtime..", "..internal..")
        .because("the public API must not expose or import engine internals")
        .check(classes);
  }

  @Test
  void stateApiDoesNotDependOnTheEngine() {
    noClasses().that().resideInAnyPackage("io.millrace.state", "io.millrace.state.heap")
        .should().dependOnClassesThat().resideInAnyPackage("io.millrace.runtime..", "..internal..")
        .check(classes);
  }

  @Test
  void channelsDoNotDependOnTasksOrTheApiImplementation() {
    noClasses().that().resideInAPackage("io.millrace.runtime.channel..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.millrace.runtime.task..", "io.millrace.runtime.api..", "io.millrace.runtime.execution..")
        .because("a record's path is API -> graph -> task -> channel; channels are the bottom")
        .check(classes);
  }

  @Test
  void graphIsPlainDataThatDoesNotDependOnExecution() {
    noClasses().that().resideInAPackage("io.millrace.runtime.graph..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.millrace.runtime.task..", "io.millrace.runtime.execution..", "io.millrace.runtime.channel..")
        .because("the job graph must stay inspectable data, translatable to another engine")
        .check(classes);
  }
}

package io.millrace.cep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of engine-cep: what users import ({@code io.millrace.cep} and its public
 * subpackages) never reaches into the engine's internals, and the NFA and its buffer do not
 * depend on the operator that runs them. Only this module's classes are checked. No exceptions
 * are listed, on purpose.
 */
class CepLayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("io.millrace.cep");
  }

  @Test
  void publicCepApiDoesNotDependOnInternals() {
    noClasses().that().resideInAnyPackage("io.millrace.cep", "io.millrace.cep.pattern..", "io.millrace.cep.functions..",
            "io.millrace.cep.nfa..")
        .should().dependOnClassesThat().resideInAnyPackage("..runtime..", "..internal..")
        .because("the public API must not expose or import engine internals")
        .check(classes);
  }

  @Test
  void theNfaAndItsBufferDoNotDependOnTheOperator() {
    noClasses().that().resideInAnyPackage("io.millrace.cep.internal.nfa..", "io.millrace.cep.internal.buffer..")
        .should().dependOnClassesThat().resideInAnyPackage("io.millrace.cep.internal.operator..", "io.millrace.runtime..")
        .because("the matching core is plain code over keyed state, testable and reusable without a task")
        .check(classes);
  }

  @Test
  void theModuleContainsBothLayersToCheck() {
    assertThat(classes.contain("io.millrace.cep.pattern.Pattern")).isTrue();
    assertThat(classes.contain("io.millrace.cep.internal.nfa.Nfa")).isTrue();
  }
}

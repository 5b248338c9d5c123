package io.millrace.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The public API packages of this module never depend on its internals, and only the RocksDB
 * backend's packages use RocksDB. ArchUnit fails a rule
 * whose {@code that()} matches no class, so renaming the API packages cannot make this pass
 * vacuously.
 */
@AnalyzeClasses(packages = "io.millrace", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiLayeringTest {

  @ArchTest
  static final ArchRule apiPackagesDoNotDependOnInternalOrRuntimePackages =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.millrace.state",
              "io.millrace.state.heap",
              "io.millrace.state.rocksdb",
              "io.millrace.state.serialization",
              "io.millrace.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..internal..", "..runtime..")
          .because("users import the API packages; internals may change freely (ARCHITECTURE.md)");

  @ArchTest
  static final ArchRule onlyTheRocksDbPackagesUseRocksDb =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.millrace.state.rocksdb..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.rocksdb..")
          .because("RocksDB is one backend; STYLE.md keeps its imports in io.millrace.state.rocksdb");
}

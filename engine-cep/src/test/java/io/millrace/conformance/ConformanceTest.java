package io.millrace.conformance;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance scenario (the job as data, with Apache Flink's golden output; see
 * {@code README-conformance.md} and the conformance README beside the scenarios) at operator
 * parallelism 1, 2 and 4, and compares each output file with the golden one as a multiset of
 * JSON objects.
 *
 * <p>The scenarios are the folders under {@code conformance/scenarios} on the test class path,
 * or, when the system property {@code millrace.conformance.dir} is set, the folders under that
 * directory (a folder with a {@code spec.json} of its own is run alone). Nothing is skipped.
 */
class ConformanceTest {

  static final String DIR_PROPERTY = "millrace.conformance.dir";
  static final String BASEDIR_PROPERTY = "millrace.conformance.basedir";
  private static final int[] PARALLELISMS = {1, 2, 4};
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

  @TestFactory
  Stream<DynamicNode> scenariosProduceFlinksOutput() throws IOException, URISyntaxException {
    List<Path> scenarios = scenarioFolders();
    if (scenarios.isEmpty()) {
      throw new AssertionError("no scenario folders (with a spec.json) found in " + scenarioRoot());
    }
    return scenarios.stream().map(dir -> dynamicContainer(dir.getFileName().toString(), dir.toUri(),
        Arrays.stream(PARALLELISMS).mapToObj(p -> dynamicTest("parallelism " + p, () -> runScenario(dir, p)))));
  }

  private static void runScenario(Path dir, int parallelism) throws Exception {
    Scenario scenario = Scenario.load(dir);
    Map<OutputFile, List<OutputLine>> produced = ScenarioJob.run(scenario, parallelism, JOB_TIMEOUT);
    StringBuilder failures = new StringBuilder();
    for (Map.Entry<OutputFile, List<JsonNode>> expected : scenario.expected().entrySet()) {
      List<JsonNode> actual = new ArrayList<>();
      for (OutputLine line : produced.getOrDefault(expected.getKey(), List.of())) {
        actual.add(Scenario.JSON.valueToTree(line.fields()));
      }
      String difference = OutputComparison.difference(expected.getValue(), actual);
      if (difference != null) {
        failures.append("\n").append(expected.getKey().fileName).append(": ").append(difference);
      }
    }
    for (Map.Entry<OutputFile, List<OutputLine>> file : produced.entrySet()) {
      if (!scenario.expected().containsKey(file.getKey()) && !file.getValue().isEmpty()) {
        failures.append("\n").append(file.getKey().fileName).append(": the job produced lines for a file the spec"
            + " does not have: ").append(file.getValue());
      }
    }
    if (failures.length() > 0) {
      throw new AssertionError("scenario " + scenario.name() + " at parallelism " + parallelism
          + " differs from Flink's output:" + failures);
    }
  }

  /** The scenario folders to run, sorted by name. */
  static List<Path> scenarioFolders() throws IOException, URISyntaxException {
    Path root = scenarioRoot();
    if (!Files.isDirectory(root)) {
      throw new AssertionError("the conformance scenario directory " + root + " does not exist"
          + " (set with -D" + DIR_PROPERTY + "=DIR; a relative DIR is resolved against the directory mvn runs in)");
    }
    if (Files.exists(root.resolve("spec.json"))) {
      return List.of(root);
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(dir -> Files.isRegularFile(dir.resolve("spec.json"))).sorted().toList();
    }
  }

  private static Path scenarioRoot() throws URISyntaxException {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir != null && !dir.isBlank()) {
      Path path = Path.of(dir);
      String base = System.getProperty(BASEDIR_PROPERTY);
      if (!path.isAbsolute() && base != null && !base.isBlank()) {
        path = Path.of(base).resolve(path);
      }
      return path.toAbsolutePath().normalize();
    }
    URL resource = ConformanceTest.class.getClassLoader().getResource("conformance/scenarios");
    if (resource == null || !"file".equals(resource.getProtocol())) {
      throw new AssertionError("the scenarios are not on the test class path as a directory: " + resource);
    }
    return Path.of(resource.toURI());
  }
}

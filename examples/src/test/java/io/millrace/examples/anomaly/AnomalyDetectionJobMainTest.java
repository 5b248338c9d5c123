package io.millrace.examples.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's command runs {@code main}: it prints every anomaly and every cascade. */
class AnomalyDetectionJobMainTest {

  @Test
  void mainPrintsEveryAnomalyAndCascade() throws Exception {
    AnomalyDetectionJobTest.Expected expected = AnomalyDetectionJobTest.reference(MetricData.generate(11, 600));
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      AnomalyDetectionJob.main(new String[] {"600", "11", "2"});
    } finally {
      System.setOut(original);
    }
    List<String> lines = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
        .map(line -> line.replaceFirst("^\\d+> ", "")).toList();
    assertThat(lines).filteredOn(line -> line.startsWith("ANOMALY ")).hasSize(expected.anomalies().size());
    assertThat(lines).filteredOn(line -> line.startsWith("CASCADE ")).hasSize(expected.cascades().size());
    assertThat(expected.cascades()).isNotEmpty();
  }
}

package io.millrace.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's command runs {@code main}: it prints every alert once, with a running total. */
class FraudDetectionJobMainTest {

  @Test
  void mainPrintsEveryAlertWithARunningTotal() throws Exception {
    FraudData data = FraudData.generate(5, 3_000);
    int expected = FraudDetectionJobTest.reference(data).size();
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      FraudDetectionJob.main(new String[] {"3000", "5", "2"});
    } finally {
      System.setOut(original);
    }
    List<String> alerts = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.startsWith("ALERT ")).toList();
    assertThat(alerts).hasSize(expected).hasSizeGreaterThan(10);
    assertThat(alerts).anySatisfy(line -> assertThat(line).contains("| " + expected + " alerts so far"));
    assertThat(alerts).doesNotHaveDuplicates();
  }
}

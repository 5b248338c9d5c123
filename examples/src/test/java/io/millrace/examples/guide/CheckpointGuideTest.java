package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointGuideTest {
  private static final long NUMBERS = 10_000;
  private static final long COUNTED = 1_000;
  private static final String EARLIER = "io.millrace.runtime.operators.UserCodeFailure: map@2 (lambda in "
      + "CheckpointGuide.failureHistory), subtask 0 of 1, failed: java.lang.ArithmeticException: / by zero";

  @Test
  void theFileSinkHoldsEveryNumberExactlyOnceAfterAFailureAndARestartFromACheckpoint(@TempDir Path directory)
      throws Exception {
    Path checkpoints = Files.createDirectory(directory.resolve("checkpoints"));
    Path output = directory.resolve("numbers");
    Path marker = directory.resolve("failed-once");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    CheckpointGuide.enableCheckpoints(env, checkpoints, Duration.ofMillis(50));

    CheckpointGuide.writeNumbersExactlyOnce(env, NUMBERS, output, marker);

    assertThat(marker).as("the injected failure happened").exists();
    assertThat(CheckpointGuide.committedLines(output))
        .containsExactlyElementsOf(LongStream.range(0, NUMBERS).mapToObj(i -> "number " + i).toList());
    try (Stream<Path> left = Files.list(checkpoints)) {
      assertThat(left).as("a finished job deletes its checkpoints").isEmpty();
    }
  }

  @Test
  void aJobStoppedWithASavepointResumesAtAnotherParallelismOnRocksDbLosingAndRepeatingNothing(
      @TempDir Path directory) throws Exception {
    Path savepoints = Files.createDirectory(directory.resolve("savepoints"));
    List<String> printed = new ArrayList<>();
    Path[] savepoint = new Path[1];
    printed.addAll(PrintedLines.of(() -> savepoint[0] = CheckpointGuide.stopWithSavepoint(
        StreamExecutionEnvironment.createLocalEnvironment(2), COUNTED, savepoints)));
    assertThat(savepoint[0]).isEqualTo(savepoints.resolve("sp-1"));
    assertThat(savepoint[0].resolve("_metadata")).exists();

    StreamExecutionEnvironment rescaled = StreamExecutionEnvironment.createLocalEnvironment(3);
    CheckpointGuide.incrementalRocksDB(rescaled, Files.createDirectory(directory.resolve("rocksdb")));
    printed.addAll(PrintedLines.of(() -> CheckpointGuide.resumeFrom(rescaled, COUNTED, savepoint[0])));

    // every key counts 1, 2, ... 250 once, in order, over the two runs
    Map<String, List<Long>> counts = new TreeMap<>();
    for (String line : printed) {
      String[] parts = line.split(": ");
      counts.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(Long.parseLong(parts[1]));
    }
    List<Long> oneTo250 = LongStream.rangeClosed(1, COUNTED / 4).boxed().toList();
    assertThat(counts).containsOnlyKeys("0", "1", "2", "3");
    counts.forEach((key, sequence) -> assertThat(sequence).as("counts of key %s", key).isEqualTo(oneTo250));
  }

  @Test
  void aJobOutOfRestartsReportsItsLastFailureWithTheEarlierOnesSuppressed() throws Exception {
    List<String> printed = PrintedLines.of(
        () -> CheckpointGuide.failureHistory(StreamExecutionEnvironment.createLocalEnvironment(1)));

    String cause = "java.lang.ArithmeticException: / by zero";
    // earlier failures keep the engine's wrapper, which names the operator and the subtask
    assertThat(printed).containsExactly(
        "Job 'division' failed: map@2 (lambda in CheckpointGuide.failureHistory), subtask 0 of 1, threw " + cause
            + " (after 2 restart(s); not restarting because all 2 restart attempts are used; earlier failures are"
            + " suppressed exceptions)",
        "earlier: " + EARLIER,
        "earlier: " + EARLIER);
  }

  @Test
  void mainRunsEveryExample() throws Exception {
    List<String> printed = PrintedLines.of(() -> CheckpointGuide.main(new String[0]));

    assertThat(printed).contains("10000 lines, 10000 distinct, from number 0 to number 9999");
  }
}

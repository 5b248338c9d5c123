package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.JobExecutionResult;
import io.millrace.api.JobStatus;
import io.millrace.api.StreamExecutionEnvironment;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SinksGuideTest {
  /** fromSequence(1, Long.MAX_VALUE - 1) at parallelism 2: the second subtask's range starts here. */
  private static final long SECOND_SPLIT_START = 1L << 62;
  private static final long FIRST_MULTIPLE_IN_SECOND_SPLIT = (SECOND_SPLIT_START + 6) / 7 * 7;

  private static StreamExecutionEnvironment env(int parallelism) {
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
  }

  @Test
  void theSinksJobHandsEveryNumberToTheSharedLambdaAndReportsItsRuntime() throws Exception {
    StreamExecutionEnvironment env = env(2);
    ConcurrentLinkedQueue<Long> received = Sinks.sinks(env);

    JobExecutionResult result = env.execute("sinks");

    assertThat(received).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(result.jobName()).isEqualTo("sinks");
    assertThat(result.getNetRuntime()).isNotNegative();
  }

  @Test
  void collectingTenOfAnEndlessSequenceAtParallelismOneReturnsTheFirstTenMultiplesOfSeven() throws Exception {
    assertThat(Sinks.collectLimit(env(1))).containsExactly(7L, 14L, 21L, 28L, 35L, 42L, 49L, 56L, 63L, 70L);
  }

  @Test
  void collectingTenOfAnEndlessSequenceAtParallelismTwoInterleavesTheSubtasksRanges() throws Exception {
    List<Long> multiples = Sinks.collectLimit(env(2));

    // each subtask emits the multiples of 7 of its range in ascending order from the range's start
    LongFunction<Long> firstRange = k -> 7 * (k + 1);
    LongFunction<Long> secondRange = k -> FIRST_MULTIPLE_IN_SECOND_SPLIT + 7 * k;
    assertThat(multiples).hasSize(10);
    assertThat(Interleaving.ofPrefixes(multiples, firstRange, secondRange))
        .as("%s interleaves 7, 14, ... and %d, %d, ...", multiples,
            FIRST_MULTIPLE_IN_SECOND_SPLIT, FIRST_MULTIPLE_IN_SECOND_SPLIT + 7)
        .isTrue();
  }

  @Test
  void iteratingOverAllResultsSumsTheSquaresOfOneToAThousand() throws Exception {
    // 1000 * 1001 * 2001 / 6
    assertThat(Sinks.collectIterator(env(2))).isEqualTo(333_833_500L);
  }

  @Test
  void aBackgroundJobRunsUntilCancelledAndPrintsOnlyMultiplesOfAHundred() throws Exception {
    StreamExecutionEnvironment env = env(2);
    List<List<JobStatus>> statuses = new java.util.ArrayList<>();
    List<String> printed = PrintedLines.of(() -> statuses.add(Sinks.background(env)));

    assertThat(statuses).containsExactly(List.of(JobStatus.RUNNING, JobStatus.CANCELED));
    // how many it printed before the cancel depends on timing; each is a distinct multiple of 100
    assertThat(printed).doesNotHaveDuplicates()
        .allSatisfy(line -> assertThat(Long.parseLong(line) % 100).isZero());
  }

  @Test
  void mainPrintsTheReceivedNumbersTheCollectedResultsAndTheStatuses() throws Exception {
    List<String> printed = PrintedLines.of(() -> Sinks.main(new String[0]));

    assertThat(printed).contains(
        "received: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
        "sum of squares: 333833500",
        "status before cancel: RUNNING, after: CANCELED");
    assertThat(printed).filteredOn(line -> line.startsWith("took ")).singleElement()
        .satisfies(line -> assertThat(line).matches("took \\d+ ms"));
    assertThat(printed).filteredOn(line -> line.startsWith("ten multiples of 7: [")).hasSize(1);
  }
}

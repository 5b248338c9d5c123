package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.examples.guide.CepGuide.Txn;
import io.millrace.state.heap.HashMapStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs the CEP chapter of the guide shows, exactly. */
class CepGuideTest {

  private static StreamExecutionEnvironment env() {
    return StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  private static List<String> collect(DataStream<String> stream) throws Exception {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static List<String> matches(List<Txn> txns, io.millrace.cep.pattern.Pattern<Txn, ?> pattern, String... stages)
      throws Exception {
    return collect(CepGuide.matches(env(), txns, pattern, stages));
  }

  @Test
  void theFirstPatternFindsTheSmallTransactionRightBeforeALargeOne() throws Exception {
    assertThat(collect(CepGuide.firstPattern(env()))).containsExactly("small s2 then large l2");
  }

  @Test
  void strictContiguityTakesOnlyTheNextEvent() throws Exception {
    assertThat(matches(CepGuide.mixed(), CepGuide.strict(), "small", "large")).containsExactly("small[s2] large[l2]");
  }

  @Test
  void relaxedContiguityTakesTheFirstMatchingEventLater() throws Exception {
    assertThat(matches(CepGuide.mixed(), CepGuide.relaxed(), "small", "large"))
        .containsExactlyInAnyOrder("small[s1] large[l1]", "small[s2] large[l2]");
  }

  @Test
  void nonDeterministicRelaxedContiguityTakesEveryMatchingEventLater() throws Exception {
    assertThat(matches(CepGuide.mixed(), CepGuide.nonDeterministic(), "small", "large"))
        .containsExactlyInAnyOrder("small[s1] large[l1]", "small[s1] large[l2]", "small[s2] large[l2]");
  }

  @Test
  void timesThreeConsecutiveTakesEveryRunOfThreeSmallTransactions() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.threeSmallInARow(), "small", "large"))
        .containsExactlyInAnyOrder("small[s1,s2,s3] large[l1]", "small[s2,s3,s4] large[l1]");
  }

  @Test
  void anOptionalStageGivesMatchesWithAndWithoutIt() throws Exception {
    assertThat(matches(CepGuide.mixed(), CepGuide.largeMaybeAfterSmall(), "small", "large"))
        .containsExactlyInAnyOrder("large[l1]", "small[s2] large[l2]", "large[l2]");
  }

  @Test
  void anIterativeConditionSeesTheEventsTakenSoFar() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.smallsUnderTenThenLarge(), "smalls", "large"))
        .containsExactlyInAnyOrder("smalls[s3,s4] large[l1]", "smalls[s4] large[l1]");
  }

  @Test
  void notFollowedByAtTheEndMatchesWhenTheWindowPassesWithoutTheEvent() throws Exception {
    assertThat(matches(CepGuide.mixed(), CepGuide.largeWithoutSmallAfter(), "large")).containsExactly("large[l2]");
  }

  @Test
  void withoutSkippingEveryRunOfSmallTransactionsMatches() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.smallsThenLarge(AfterMatchSkipStrategy.noSkip()), "smalls", "large"))
        .containsExactlyInAnyOrder("smalls[s1,s2,s3,s4] large[l1]", "smalls[s2,s3,s4] large[l1]",
            "smalls[s3,s4] large[l1]", "smalls[s4] large[l1]");
  }

  @Test
  void skippingToNextKeepsMatchesThatStartedWithOtherEvents() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.smallsThenLarge(AfterMatchSkipStrategy.skipToNext()), "smalls", "large"))
        .containsExactlyInAnyOrder("smalls[s1,s2,s3,s4] large[l1]", "smalls[s2,s3,s4] large[l1]",
            "smalls[s3,s4] large[l1]", "smalls[s4] large[l1]");
  }

  @Test
  void skippingPastTheLastEventKeepsOnlyTheFirstMatch() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.smallsThenLarge(AfterMatchSkipStrategy.skipPastLastEvent()), "smalls", "large"))
        .containsExactly("smalls[s1,s2,s3,s4] large[l1]");
  }

  @Test
  void skippingToTheLastSmallTransactionKeepsTheMatchesStartingThere() throws Exception {
    assertThat(matches(CepGuide.burst(), CepGuide.smallsThenLarge(AfterMatchSkipStrategy.skipToLast("smalls")), "smalls", "large"))
        .containsExactly("smalls[s1,s2,s3,s4] large[l1]", "smalls[s4] large[l1]");
  }

  @Test
  void partialMatchesThatRunOutOfTimeGoToTheSideOutputStampedWithTheirDeadline() throws Exception {
    StreamExecutionEnvironment env = env();
    assertThat(PrintedLines.of(() -> {
      CepGuide.withTimeouts(env);
      env.execute("timeouts");
    })).containsExactlyInAnyOrder("small[s1] timed out @5min", "small[s2] large[l2] @9min", "small[s3] timed out @15min");
  }

  @Test
  void lateEventsGoToTheLateSideOutputAndAreNotMatched() throws Exception {
    StreamExecutionEnvironment env = env();
    assertThat(PrintedLines.of(() -> {
      CepGuide.lateData(env, CepGuide.relaxed());
      env.execute("late data");
    })).containsExactlyInAnyOrder("small[s1] large[l2]", "small[s2] large[l3]", "late: l1");
  }

  @Test
  void inProcessingTimeEventsAreMatchedInArrivalOrder() throws Exception {
    assertThat(collect(CepGuide.inProcessingTime(env()))).containsExactlyInAnyOrder("small[s1] large[l2]", "small[s2] large[l3]");
  }

  @Test
  void onRocksDbAndOnTheHeapTheMatchesAreTheSame(@TempDir Path directory) throws Exception {
    List<String> expected = List.of("small[s1] large[l1]", "small[s1] large[l2]", "small[s2] large[l2]");
    StreamExecutionEnvironment rocks = CepGuide.onRocksDB(directory);
    assertThat(collect(CepGuide.matches(rocks, CepGuide.mixed(), CepGuide.nonDeterministic(), "small", "large")))
        .containsExactlyInAnyOrderElementsOf(expected);
    try (Stream<Path> left = Files.list(directory)) {
      assertThat(left).as("databases left in %s after the job", directory).isEmpty();
    }
    StreamExecutionEnvironment heap = env();
    heap.setStateBackend(new HashMapStateBackend());
    assertThat(collect(CepGuide.matches(heap, CepGuide.mixed(), CepGuide.nonDeterministic(), "small", "large")))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void mainPrintsTheMatchesOfTheExamples() throws Exception {
    assertThat(PrintedLines.of(() -> CepGuide.main(new String[0]))).containsExactlyInAnyOrder(
        "small s2 then large l2",
        "next: small[s2] large[l2]",
        "followedBy: small[s1] large[l1]", "followedBy: small[s2] large[l2]",
        "followedByAny: small[s1] large[l1]", "followedByAny: small[s1] large[l2]", "followedByAny: small[s2] large[l2]",
        "small[s1] timed out @5min", "small[s2] large[l2] @9min", "small[s3] timed out @15min",
        "small[s1] large[l2]", "small[s2] large[l3]", "late: l1");
  }
}

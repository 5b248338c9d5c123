package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.examples.clicks.ClickEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class SourcesGuideTest {
  /** Element {@code index} of the guide's generator: the sequence repeats every 1,000 indices. */
  private static final LongFunction<ClickEvent> GENERATED =
      index -> new ClickEvent("user-" + (index * 7919 % 1000), "ad-" + (index % 50));

  private static StreamExecutionEnvironment env(int parallelism) {
    return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
  }

  @Test
  void fromElementsEmitsTheWordsInTheirOrder() throws Exception {
    // a non-parallel source feeding the parallelism-1 collecting sink keeps the order
    assertThat(Sources.elements(env(2)).words().executeAndCollect(100))
        .containsExactly("to", "be", "or", "not", "to", "be");
  }

  @Test
  void fromCollectionEmitsTheRecordedClicksInTheirOrder() throws Exception {
    assertThat(Sources.elements(env(2)).clicks().executeAndCollect(100))
        .containsExactly(new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-2"));
  }

  @Test
  void fromSequenceEmitsEachNumberOnceAndEachSubtaskItsRangeInOrder() throws Exception {
    List<Long> multiples = Sources.sequence(env(2)).executeAndCollect(100);

    assertThat(multiples).containsExactlyInAnyOrder(250_000L, 500_000L, 750_000L, 1_000_000L);
    // the two subtasks read [1, 500000] and [500001, 1000000], each in ascending order
    assertThat(multiples).filteredOn(n -> n <= 500_000).containsExactly(250_000L, 500_000L);
    assertThat(multiples).filteredOn(n -> n > 500_000).containsExactly(750_000L, 1_000_000L);
  }

  @Test
  void aNonParallelGeneratorEmitsElementsInIndexOrder() throws Exception {
    assertThat(Sources.generator(env(1)).executeAndCollect(3)).containsExactly(
        new ClickEvent("user-0", "ad-0"), new ClickEvent("user-919", "ad-1"), new ClickEvent("user-838", "ad-2"));
  }

  @Test
  void theFirstThreeOfTheParallelGeneratorInterleaveItsTwoSplitsFromTheirStarts() throws Exception {
    List<ClickEvent> firstThree = Sources.generator(env(2)).executeAndCollect(3);

    // the splits start at indices 0 and 50,000, a multiple of the 1,000-index period, so both
    // subtasks emit GENERATED(0), GENERATED(1), ...; which of them comes first is a race
    assertThat(firstThree).hasSize(3);
    assertThat(Interleaving.ofPrefixes(firstThree, GENERATED, GENERATED))
        .as("%s interleaves two prefixes of the generated sequence", firstThree)
        .isTrue();
  }

  @Test
  void theGeneratorEmitsAHundredThousandElementsEachDistinctClickAHundredTimes() throws Exception {
    Map<ClickEvent, Integer> counts = new HashMap<>();
    try (CloseableIterator<ClickEvent> clicks = Sources.generator(env(2)).executeAndCollect()) {
      while (clicks.hasNext()) {
        counts.merge(clicks.next(), 1, Integer::sum);
      }
    }

    Map<ClickEvent, Integer> expected = new HashMap<>();
    for (long index = 0; index < 1000; index++) {
      expected.put(GENERATED.apply(index), 100);
    }
    assertThat(counts).isEqualTo(expected);
  }

  @Test
  void aSourceFunctionEmitsItsLoopInOrder() throws Exception {
    assertThat(Sources.sourceFunction(env(2)).executeAndCollect(100)).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void mainPrintsEveryJobsElements() throws Exception {
    List<String> printed = PrintedLines.of(() -> Sources.main(new String[0]));

    assertThat(printed).filteredOn(line -> line.startsWith("[")).singleElement()
        .satisfies(firstThree -> assertThat(firstThree).startsWith("[ClickEvent{userId=user-"));
    assertThat(printed).filteredOn(line -> !line.startsWith("[")).containsExactlyInAnyOrder(
        "to", "be", "or", "not", "to", "be",
        "ClickEvent{userId=alice, adId=ad-1}", "ClickEvent{userId=bob, adId=ad-2}",
        "250000", "500000", "750000", "1000000",
        "0", "1", "2", "3", "4");
  }
}

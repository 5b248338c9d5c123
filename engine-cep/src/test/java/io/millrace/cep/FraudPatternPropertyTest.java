package io.millrace.cep;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.state.StateBackend;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two patterns of the Flink notes' fraud detection on generated transactions, at parallelism
 * 1, 2 and 4, against a brute-force reference computed directly from the input: a small
 * transaction followed by a large one on the same card within 5 minutes, and a card used in two
 * countries within 10 minutes (an iterative condition). Transactions come out of order (but never
 * behind the watermark); the reference orders each card's transactions by timestamp, then
 * arrival, as CEP does. The seed is in the failure message.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class FraudPatternPropertyTest {
  private static final long MAX_DISORDER_MS = 20_000;
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final int[] PARALLELISMS = {1, 2, 4};

  @Parameter
  StateBackend backend;

  /** A card transaction. */
  record Txn(int id, String card, long ts, long amount, String country) implements Serializable {}

  private int size() {
    return StateBackendsUnderTest.isRocksDB(backend) ? 4_000 : 20_000;
  }

  /** Transactions of 200 cards, in arrival order: timestamps rise with jitter up to {@link #MAX_DISORDER_MS}. */
  static List<Txn> generate(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] countries = {"DE", "FR", "NL", "US"};
    List<Txn> txns = new ArrayList<>(count);
    long time = 1_000_000;
    for (int i = 0; i < count; i++) {
      time += random.nextLong(3_000);
      int card = random.nextInt(200);
      double kind = random.nextDouble();
      long amount = kind < 0.3 ? random.nextLong(1, 10) : kind < 0.36 ? random.nextLong(1_001, 5_000) : random.nextLong(10, 1_001);
      String country = random.nextDouble() < 0.9 ? countries[card % countries.length] : countries[random.nextInt(countries.length)];
      txns.add(new Txn(i, "card" + card, time + random.nextLong(MAX_DISORDER_MS), amount, country));
    }
    return txns;
  }

  static Pattern<Txn, Txn> smallThenLarge() {
    return Pattern.<Txn>begin("small").where(t -> t.amount() < 10)
        .followedBy("large").where(t -> t.amount() > 1000)
        .within(FIVE_MINUTES);
  }

  static Pattern<Txn, Txn> twoCountries() {
    return Pattern.<Txn>begin("first")
        .followedBy("second").where((Txn t, IterativeCondition.Context<Txn> ctx) ->
            !t.country().equals(ctx.getEventsForPattern("first").iterator().next().country()))
        .within(TEN_MINUTES);
  }

  /** What CEP does for {@code begin(first: isFirst).followedBy(second: isSecond(first, t)).within(window)}, by brute force. */
  static List<String> reference(List<Txn> txns, java.util.function.Predicate<Txn> isFirst,
      java.util.function.BiPredicate<Txn, Txn> isSecond, Duration window) {
    Map<String, List<Txn>> byCard = new HashMap<>();
    for (Txn txn : txns) {
      byCard.computeIfAbsent(txn.card(), card -> new ArrayList<>()).add(txn);
    }
    List<String> matches = new ArrayList<>();
    for (List<Txn> card : byCard.values()) {
      // timestamp order; the sort is stable, so equal timestamps keep their arrival order
      card.sort(Comparator.comparingLong(Txn::ts));
      for (int i = 0; i < card.size(); i++) {
        Txn first = card.get(i);
        if (!isFirst.test(first)) {
          continue;
        }
        for (int j = i + 1; j < card.size(); j++) {
          Txn second = card.get(j);
          if (second.ts() - first.ts() >= window.toMillis()) {
            break;
          }
          if (isSecond.test(first, second)) {
            matches.add(first.id() + "->" + second.id());
            break;
          }
        }
      }
    }
    return matches;
  }

  private List<String> run(List<Txn> txns, Pattern<Txn, Txn> pattern, String firstStage, String secondStage, int parallelism)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setStateBackend(backend);
    DataStream<Txn> input = env.fromCollection(txns).assignTimestampsAndWatermarks(
        WatermarkStrategy.<Txn>forBoundedOutOfOrderness(Duration.ofMillis(MAX_DISORDER_MS)).withTimestampAssigner((t, previous) -> t.ts()));
    DataStream<String> matches = CEP.pattern(input.keyBy(Txn::card), pattern)
        .select(match -> match.get(firstStage).get(0).id() + "->" + match.get(secondStage).get(0).id());
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = matches.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void smallThenLargeWithinFiveMinutesMatchesTheReferenceAtEveryParallelism() throws Exception {
    long seed = 0x5eed1L;
    List<Txn> txns = generate(seed, size());
    List<String> expected = reference(txns, t -> t.amount() < 10, (first, t) -> t.amount() > 1000, FIVE_MINUTES);
    assertThat(expected).as("the generated data must hold matches (seed %d)", seed).hasSizeGreaterThan(50);
    for (int parallelism : PARALLELISMS) {
      assertThat(run(txns, smallThenLarge(), "small", "large", parallelism))
          .as("seed %d, parallelism %d", seed, parallelism)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aCardUsedInTwoCountriesWithinTenMinutesMatchesTheReferenceAtEveryParallelism() throws Exception {
    long seed = 0x5eed2L;
    List<Txn> txns = generate(seed, size());
    List<String> expected = reference(txns, t -> true, (first, t) -> !t.country().equals(first.country()), TEN_MINUTES);
    assertThat(expected).as("the generated data must hold matches (seed %d)", seed).hasSizeGreaterThan(50);
    for (int parallelism : PARALLELISMS) {
      assertThat(run(txns, twoCountries(), "first", "second", parallelism))
          .as("seed %d, parallelism %d", seed, parallelism)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}

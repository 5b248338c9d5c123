package io.millrace.cep;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.WithinType;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys are matched independently: for patterns using every feature, a key's output (matches,
 * timeouts, with their timestamps) is the same whether its events are interleaved with other
 * keys' or fed alone with the same watermarks. Catches any state leaking between keys. Generated
 * input; the seed is in the failure message.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class KeyIsolationPropertyTest {
  private static final int KEYS = 4;

  @Parameter
  StateBackend backend;

  static final List<Supplier<Pattern<Ev, ?>>> PATTERNS = List.of(
      () -> Pattern.<Ev>begin("a").where(e -> e.is("A")).followedByAny("b").where(e -> e.is("B"))
          .within(Duration.ofMillis(4000)),
      () -> Pattern.<Ev>begin("a").where(e -> e.is("A")).oneOrMore().allowCombinations()
          .followedBy("b").where(e -> e.is("B")).optional().followedBy("c").where(e -> e.is("C"))
          .within(Duration.ofMillis(5000)),
      () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToNext()).where(e -> e.is("A")).times(1, 3)
          .notFollowedBy("x").where(e -> e.is("X")).next("b").where(e -> e.is("B")).within(Duration.ofMillis(6000)),
      () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipPastLastEvent()).where(e -> e.is("A")).oneOrMore()
          .until(e -> e.is("X")).greedy().followedBy("b").where(e -> e.is("A") || e.is("B")),
      () -> Pattern.<Ev>begin("a").where(e -> e.is("A")).notFollowedBy("x").where(e -> e.is("X"))
          .within(Duration.ofMillis(2000), WithinType.PREVIOUS_AND_CURRENT),
      () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToLast("a")).where(e -> e.is("A")).timesOrMore(2).consecutive()
          .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(3000), WithinType.PREVIOUS_AND_CURRENT));

  /** One input step: an event with its timestamp, or (event null) a watermark. */
  private record Step(Ev event, long time) {}

  private static List<Step> generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] types = {"A", "A", "B", "C", "X", "D"};
    List<Step> steps = new ArrayList<>();
    long time = 0;
    long maxTimestamp = 0;
    for (int i = 0; i < 400; i++) {
      time += random.nextLong(400);
      // coarse timestamps: events of several keys (and of one key) share them
      long timestamp = (time + random.nextLong(600)) / 250 * 250;
      maxTimestamp = Math.max(maxTimestamp, timestamp);
      steps.add(new Step(new Ev(i, "k" + random.nextInt(KEYS), types[random.nextInt(types.length)], 0), timestamp));
      if (random.nextInt(10) == 0) {
        steps.add(new Step(null, maxTimestamp - 700));
      }
    }
    return steps;
  }

  private List<String> run(Pattern<Ev, ?> pattern, List<Step> steps, String onlyKey) throws Exception {
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      for (Step step : steps) {
        if (step.event() == null) {
          h.watermark(step.time());
        } else if (onlyKey == null || step.event().key().equals(onlyKey)) {
          h.event(step.event(), step.time());
        }
      }
      h.end();
      return h.take();
    }
  }

  @Test
  void aKeysOutputDoesNotDependOnTheOtherKeys() throws Exception {
    for (int p = 0; p < PATTERNS.size(); p++) {
      long seed = 1000 + p;
      List<Step> steps = generate(seed);
      List<String> together = run(PATTERNS.get(p).get(), steps, null);
      List<String> alone = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        List<String> keyOutput = run(PATTERNS.get(p).get(), steps, "k" + k);
        alone.addAll(keyOutput);
      }
      assertThat(together).as("pattern %d, seed %d", p, seed).containsExactlyInAnyOrderElementsOf(alone);
      assertThat(together).as("pattern %d, seed %d: the input must produce output", p, seed).isNotEmpty();
    }
  }
}

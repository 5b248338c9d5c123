package io.millrace.cep;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.internal.operator.CepOperator.StateSizes;
import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CEP state stays bounded: over a long run (many keys, events out of order, some late), the
 * buffered events, partial matches, held-back matches and shared-buffer events stay bounded by
 * what the windows keep open — they do not grow with time — and all of it, down to the last
 * keyed-state entry, returns to zero once the watermark passes the last event plus the window.
 * On each state backend, for patterns with loops, negation and a skip strategy.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class BoundedStateTest {
  private static final long WINDOW_MS = 10_000;
  private static final int KEYS = 40;
  private static final long STEP_MS = 50;
  private static final long DISORDER_MS = 2_000;

  @Parameter
  StateBackend backend;

  private static final List<Supplier<Pattern<Ev, ?>>> PATTERNS = List.of(
      // the fraud pattern: a small value, then a large one
      () -> Pattern.<Ev>begin("small").where(e -> e.value() < 10)
          .followedBy("large").where(e -> e.value() > 90).within(Duration.ofMillis(WINDOW_MS)),
      // loops: every run of A's, then a B
      () -> Pattern.<Ev>begin("a").where(e -> e.is("A")).oneOrMore()
          .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(WINDOW_MS)),
      // an A not followed by an X within the window
      () -> Pattern.<Ev>begin("a").where(e -> e.is("A"))
          .notFollowedBy("x").where(e -> e.is("X")).within(Duration.ofMillis(WINDOW_MS)),
      // loops with a skip strategy, which holds completed matches back
      () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToFirst("a")).where(e -> e.is("A")).oneOrMore()
          .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(WINDOW_MS)));

  private int events() {
    return StateBackendsUnderTest.isRocksDB(backend) ? 10_000 : 50_000;
  }

  private static int held(StateSizes sizes) {
    return sizes.bufferedEvents() + sizes.partialMatches() + sizes.heldMatches() + sizes.sharedBufferEvents();
  }

  @Test
  void stateStaysBoundedOverALongRunAndReturnsToZeroOnceTheWindowsPass() throws Exception {
    String[] types = {"A", "A", "B", "C", "X"};
    for (int p = 0; p < PATTERNS.size(); p++) {
      try (CepHarness h = CepHarness.eventTime(PATTERNS.get(p).get(), backend)) {
        SplittableRandom random = new SplittableRandom(7 + p);
        int count = events();
        long maxTimestamp = 0;
        int peakFirstHalf = 0;
        int peakSecondHalf = 0;
        for (int i = 0; i < count; i++) {
          long timestamp = i * STEP_MS + random.nextLong(DISORDER_MS);
          maxTimestamp = Math.max(maxTimestamp, timestamp);
          String type = types[random.nextInt(types.length)];
          h.event(new Ev(i, "k" + random.nextInt(KEYS), type, random.nextLong(100)), timestamp);
          if (i % 50 == 49) {
            h.watermark(maxTimestamp - DISORDER_MS);
            h.take();
          }
          if (i % 1000 == 999) {
            int held = held(h.stateSizes());
            if (i < count / 2) {
              peakFirstHalf = Math.max(peakFirstHalf, held);
            } else {
              peakSecondHalf = Math.max(peakSecondHalf, held);
            }
          }
        }
        String what = "pattern " + p;
        assertThat(peakFirstHalf).as(what + ": something is held while the run goes on").isPositive();
        assertThat(peakSecondHalf).as(what + ": CEP state does not grow with time").isLessThanOrEqualTo(peakFirstHalf * 2);
        // a window holds about WINDOW_MS / STEP_MS = 200 events over all keys
        assertThat(peakSecondHalf).as(what + ": CEP state is bounded by the open windows").isLessThan(5_000);
        h.watermark(maxTimestamp + WINDOW_MS + 1);
        h.take();
        assertThat(h.stateSizes()).as(what + ": after the windows passed").isEqualTo(new StateSizes(0, 0, 0, 0, 0, 0));
        assertThat(h.numStateEntries()).as(what + ": keyed-state entries after the windows passed").isZero();
        h.end();
        assertThat(h.numStateEntries()).as(what + ": keyed-state entries at the end").isZero();
      }
    }
  }
}

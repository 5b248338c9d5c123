package io.millrace.windows.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessJoinFunction;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interval joins of generated streams, slightly out of order, at several parallelisms, against a
 * brute-force reference: every left x right pair of one key within the bounds, stamped with the
 * later timestamp. The watermarks never make an event late, so the reference is exact. On each
 * state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class IntervalJoinPropertyTest {
  private static final long BASE_SEED = 20_240_611L;

  @Parameter
  StateBackend backend;

  /** "left-right@ts", with the timestamp the context reports. */
  static final class Describe extends ProcessJoinFunction<Event, Event, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<String> out) {
      out.collect(left.id() + "-" + right.id() + "@" + ctx.getTimestamp());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void matchesBruteForceReference(int parallelism) throws Exception {
    for (int round = 0; round < 6; round++) {
      long seed = BASE_SEED + 1000L * parallelism + round;
      Random random = new Random(seed);
      long lower = -random.nextInt(3000) + (round % 3 == 2 ? 1500 : 0);
      long upper = lower + random.nextInt(4000);
      boolean lowerExclusive = random.nextBoolean();
      boolean upperExclusive = random.nextBoolean();
      List<Event> lefts = generate(random, 0, 150 + random.nextInt(150));
      List<Event> rights = generate(random, 100_000, 150 + random.nextInt(150));

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
      var joined = env.addSource(ScriptedSource.outOfOrder(lefts, 5, random), "left").keyBy(Event::key)
          .intervalJoin(env.addSource(ScriptedSource.outOfOrder(rights, 5, random), "right").keyBy(Event::key))
          .between(Duration.ofMillis(lower), Duration.ofMillis(upper));
      if (lowerExclusive) {
        joined = joined.lowerBoundExclusive();
      }
      if (upperExclusive) {
        joined = joined.upperBoundExclusive();
      }
      List<String> actual = JobOutput.collectAll(joined.process(new Describe()));

      long lo = lowerExclusive ? lower + 1 : lower;
      long hi = upperExclusive ? upper - 1 : upper;
      List<String> expected = new ArrayList<>();
      for (Event l : lefts) {
        for (Event r : rights) {
          if (l.key().equals(r.key()) && l.ts() + lo <= r.ts() && r.ts() <= l.ts() + hi) {
            expected.add(l.id() + "-" + r.id() + "@" + Math.max(l.ts(), r.ts()));
          }
        }
      }
      assertThat(actual)
          .as("seed %d, parallelism %d, between(%d, %d), exclusive %s/%s", seed, parallelism, lower, upper,
              lowerExclusive, upperExclusive)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  static List<Event> generate(Random random, int firstId, int count) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(new Event(firstId + i, "k" + random.nextInt(7), random.nextInt(30_000)));
    }
    return events;
  }
}

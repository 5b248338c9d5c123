package io.millrace.windows.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window joins and co-groups of generated, slightly out-of-order streams at several
 * parallelisms against a brute-force reference over the windows of each event. The watermarks
 * never make an event late, so the reference is exact. On each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowJoinPropertyTest {
  private static final long BASE_SEED = 77_000L;

  @Parameter
  StateBackend backend;

  /** The starts of the windows of {@code ts}: size {@code size}, sliding every {@code slide}. */
  static List<Long> windowStarts(long ts, long size, long slide) {
    List<Long> starts = new ArrayList<>();
    for (long start = Math.floorDiv(ts, slide) * slide; start > ts - size; start -= slide) {
      starts.add(start);
    }
    return starts;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void joinAndCoGroupMatchBruteForceReference(int parallelism) throws Exception {
    for (int round = 0; round < 4; round++) {
      long seed = BASE_SEED + 100L * parallelism + round;
      Random random = new Random(seed);
      long size = 1000L * (2 + random.nextInt(8));
      long slide = round % 2 == 0 ? size : size / 2;
      List<Event> lefts = IntervalJoinPropertyTest.generate(random, 0, 100 + random.nextInt(100));
      List<Event> rights = IntervalJoinPropertyTest.generate(random, 100_000, 100 + random.nextInt(100));

      List<String> expectedJoin = new ArrayList<>();
      TreeMap<String, List<List<Integer>>> groups = new TreeMap<>();
      for (Event l : lefts) {
        for (Event r : rights) {
          if (l.key().equals(r.key())) {
            for (long start : windowStarts(l.ts(), size, slide)) {
              if (windowStarts(r.ts(), size, slide).contains(start)) {
                expectedJoin.add(l.id() + "-" + r.id() + "@" + (start + size - 1));
              }
            }
          }
        }
      }
      for (Event e : lefts) {
        for (long start : windowStarts(e.ts(), size, slide)) {
          groups.computeIfAbsent(e.key() + "@" + (start + size - 1), k -> newGroup()).get(0).add(e.id());
        }
      }
      for (Event e : rights) {
        for (long start : windowStarts(e.ts(), size, slide)) {
          groups.computeIfAbsent(e.key() + "@" + (start + size - 1), k -> newGroup()).get(1).add(e.id());
        }
      }
      List<String> expectedGroups = new ArrayList<>();
      groups.forEach((keyAndTs, sides) -> {
        String[] parts = keyAndTs.split("@");
        expectedGroups.add(parts[0] + " " + sides.get(0).stream().sorted().toList() + " "
            + sides.get(1).stream().sorted().toList() + "@" + parts[1]);
      });

      String description = "seed " + seed + ", parallelism " + parallelism + ", size " + size + ", slide " + slide;
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
      DataStream<Event> left = env.addSource(ScriptedSource.outOfOrder(lefts, 4, random), "left");
      DataStream<Event> right = env.addSource(ScriptedSource.outOfOrder(rights, 4, random), "right");
      var assigner = slide == size
          ? TumblingEventTimeWindows.of(Duration.ofMillis(size))
          : SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide));
      List<String> joined = JobOutput.collectAll(left.join(right).where(Event::key).equalTo(Event::key)
          .window(assigner)
          .apply((l, r) -> l.id() + "-" + r.id())
          .process(new WindowJoinTest.WithTimestamp()));
      assertThat(joined).as("join, %s", description).containsExactlyInAnyOrderElementsOf(expectedJoin);

      CoGroupFunction<Event, Event, String> describe = (first, second, out) -> {
        Event any = first.iterator().hasNext() ? first.iterator().next() : second.iterator().next();
        out.collect(any.key() + " " + ids(first) + " " + ids(second));
      };
      StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
      Random replay = new Random(seed + 1);
      List<String> grouped = JobOutput.collectAll(
          env2.addSource(ScriptedSource.outOfOrder(lefts, 4, replay), "left")
              .coGroup(env2.addSource(ScriptedSource.outOfOrder(rights, 4, replay), "right"))
              .where(Event::key).equalTo(Event::key)
              .window(assigner)
              .apply(describe)
              .process(new WindowJoinTest.WithTimestamp()));
      assertThat(grouped).as("coGroup, %s", description).containsExactlyInAnyOrderElementsOf(expectedGroups);
    }
  }

  private static List<List<Integer>> newGroup() {
    List<List<Integer>> group = new ArrayList<>();
    group.add(new ArrayList<>());
    group.add(new ArrayList<>());
    return group;
  }

  private static List<Integer> ids(Iterable<Event> events) {
    return StreamSupport.stream(events.spliterator(), false).map(Event::id).sorted().toList();
  }
}

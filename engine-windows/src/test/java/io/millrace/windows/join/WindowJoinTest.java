package io.millrace.windows.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.CoGroupFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window joins and co-groups with exact outputs: the conformance scenarios join_window_tumbling
 * and cogroup_outer (Apache Flink's golden output), sliding windows and a left outer join. On
 * each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowJoinTest {

  @Parameter
  StateBackend backend;

  /** A source for one stream of a scenario: bounded out-of-orderness watermarks (max - delay - 1) after each event. */
  static ScriptedSource bounded(long delay, Event... events) {
    ScriptedSource source = new ScriptedSource();
    long max = Long.MIN_VALUE;
    for (Event e : events) {
      source.event(e.id(), e.key(), e.ts());
      max = Math.max(max, e.ts());
      source.watermark(max - delay - 1);
    }
    return source;
  }

  /** Appends the record timestamp to each result: "result@ts". */
  static final class WithTimestamp extends ProcessFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect(value + "@" + ctx.timestamp());
    }
  }

  /** "key [left ids] [right ids]" per key and window. */
  static final class DescribeGroups implements CoGroupFunction<Event, Event, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void coGroup(Iterable<Event> first, Iterable<Event> second, Collector<String> out) {
      List<Event> all = new ArrayList<>();
      first.forEach(all::add);
      second.forEach(all::add);
      out.collect(all.get(0).key() + " " + ids(first) + " " + ids(second));
    }

    static List<Integer> ids(Iterable<Event> events) {
      return StreamSupport.stream(events.spliterator(), false).map(Event::id).sorted().toList();
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void joinWindowTumblingScenario(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    DataStream<Event> left = env.addSource(bounded(1000, new Event(1, "a", 1000), new Event(2, "a", 4000),
        new Event(3, "b", 2000), new Event(6, "d", 3000), new Event(4, "a", 9999), new Event(5, "a", 15000),
        new Event(7, "a", 20000), new Event(8, "e", 21000)), "left");
    DataStream<Event> right = env.addSource(bounded(1000, new Event(11, "a", 2500), new Event(14, "a", 8000),
        new Event(13, "c", 5000), new Event(12, "a", 10000), new Event(15, "d", 12000), new Event(17, "e", 25000),
        new Event(16, "a", 29999)), "right");

    List<String> out = JobOutput.collectAll(left.join(right).where(Event::key).equalTo(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .apply((l, r) -> l.key() + " " + l.id() + "-" + r.id())
        .process(new WithTimestamp()));

    assertThat(out).containsExactlyInAnyOrder(
        "a 1-11@9999", "a 1-14@9999", "a 2-11@9999", "a 2-14@9999", "a 4-11@9999", "a 4-14@9999",
        "a 5-12@19999", "a 7-16@29999", "e 8-17@29999");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void coGroupOuterScenario(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    DataStream<Event> left = env.addSource(bounded(2000, new Event(1, "a", 1000), new Event(2, "a", 3000),
        new Event(3, "c", 9999), new Event(4, "a", 12000), new Event(5, "d", 31000), new Event(6, "d", 35000)), "left");
    DataStream<Event> right = env.addSource(bounded(2000, new Event(11, "a", 2000), new Event(13, "b", 5000),
        new Event(14, "c", 10000), new Event(12, "a", 25000), new Event(15, "d", 39999), new Event(16, "d", 30000)),
        "right");

    List<String> out = JobOutput.collectAll(left.coGroup(right).where(Event::key).equalTo(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .apply(new DescribeGroups())
        .process(new WithTimestamp()));

    assertThat(out).containsExactlyInAnyOrder(
        "a [1, 2] [11]@9999", "a [4] []@19999", "a [] [12]@29999", "b [] [13]@9999",
        "c [3] []@9999", "c [] [14]@19999", "d [5, 6] [15, 16]@39999");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void aPairSharingTwoSlidingWindowsComesOutOncePerWindow(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    DataStream<Event> left = env.addSource(bounded(0, new Event(1, "a", 6000), new Event(2, "a", 12000)), "left");
    DataStream<Event> right = env.addSource(bounded(0, new Event(11, "a", 7000)), "right");

    List<String> out = JobOutput.collectAll(left.join(right).where(Event::key).equalTo(Event::key)
        .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .apply((l, r) -> l.id() + "-" + r.id())
        .process(new WithTimestamp()));

    // 6000 and 7000 share [0, 10000) and [5000, 15000); 12000 and 7000 share [5000, 15000) only.
    assertThat(out).containsExactlyInAnyOrder("1-11@9999", "1-11@14999", "2-11@14999");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void leftOuterJoinWithCoGroup(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    DataStream<Event> left = env.addSource(bounded(0, new Event(1, "a", 1000), new Event(2, "b", 2000),
        new Event(3, "a", 3000)), "left");
    DataStream<Event> right = env.addSource(bounded(0, new Event(11, "a", 1500), new Event(12, "c", 2500)), "right");

    CoGroupFunction<Event, Event, String> leftOuter = (lefts, rights, out) -> {
      for (Event l : lefts) {
        boolean matched = false;
        for (Event r : rights) {
          out.collect(l.id() + "-" + r.id());
          matched = true;
        }
        if (!matched) {
          out.collect(l.id() + "-null");
        }
      }
    };
    List<String> out = JobOutput.collectAll(left.coGroup(right).where(Event::key).equalTo(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .apply(leftOuter)
        .process(new WithTimestamp()));

    assertThat(out).containsExactlyInAnyOrder("1-11@9999", "3-11@9999", "2-null@9999");
  }
}

package io.millrace.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.windowing.AllWindowFunction;
import io.millrace.api.windowing.ProcessAllWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.WindowFunction;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import io.millrace.windows.Scripts.Describe;
import io.millrace.windows.Scripts.Ev;
import io.millrace.windows.Scripts.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windowed streams in running jobs: keyed at several parallelisms, windowAll, function kinds, end
 * of input; on each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowedStreamTest {
  private static final Duration TEN = Duration.ofMillis(10);

  @Parameter
  StateBackend backend;

  /** 20 keys, 3 elements each in [0,10) and one in [10,20); watermark 9 only. */
  private static Script script() {
    Script script = new Script();
    for (int key = 0; key < 20; key++) {
      script.element("k" + key, 1, 3).element("k" + key, 2, 1).element("k" + key, 3, 15).element("k" + key, 4, 9);
    }
    return script.watermark(9);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void everyKeysWindowsFireOnTheirWatermarkAndTheRestAtTheEndOfInput(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    List<String> out = new CopyOnWriteArrayList<>();
    env.addSource(script()).keyBy(Ev::key).window(TumblingEventTimeWindows.of(TEN)).process(new Describe<>()).addSink(out::add);
    env.execute();

    List<String> expected = new ArrayList<>();
    for (int key = 0; key < 20; key++) {
      expected.add("k" + key + "[0,10) 1 2 4 wm=9");
      expected.add("k" + key + "[10,20) 3 wm=MAX");
    }
    assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void windowFunctionAndReduceWithWindowFunctionSeeKeyAndWindow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2).setStateBackend(backend);
    List<String> applied = new CopyOnWriteArrayList<>();
    List<String> reduced = new CopyOnWriteArrayList<>();
    var windowed = env.addSource(new Script().element("a", 1, 1).element("a", 2, 2).element("b", 5, 12))
        .keyBy(Ev::key).window(TumblingEventTimeWindows.of(TEN));
    windowed.apply((WindowFunction<Ev, String, String, TimeWindow>) (key, window, input, collector) ->
        collector.collect(Scripts.describe(key, window, input))).addSink(applied::add);
    windowed.reduce((a, b) -> Scripts.ev(a.key(), a.value() + b.value()),
        (WindowFunction<Ev, String, String, TimeWindow>) (key, window, input, collector) ->
            collector.collect(Scripts.describe(key, window, input))).addSink(reduced::add);
    env.execute();

    assertThat(applied).containsExactlyInAnyOrder("a[0,10) 1 2", "b[10,20) 5");
    assertThat(reduced).containsExactlyInAnyOrder("a[0,10) 3", "b[10,20) 5");
  }

  @Test
  void windowAllSeesEveryElementOfAllKeysInOneSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4).setStateBackend(backend);
    List<String> all = new CopyOnWriteArrayList<>();
    List<String> applied = new CopyOnWriteArrayList<>();
    List<Long> aggregated = new CopyOnWriteArrayList<>();
    var source = env.addSource(script());
    source.windowAll(TumblingEventTimeWindows.of(TEN)).process(new ProcessAllWindowFunction<Ev, String, TimeWindow>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void process(Context context, Iterable<Ev> elements, Collector<String> out) {
        int count = 0;
        for (Ev ignored : elements) {
          count++;
        }
        out.collect(context.window().getStart() + ": " + count + " elements, subtask "
            + getRuntimeContext().getIndexOfThisSubtask() + " of " + getRuntimeContext().getNumberOfParallelSubtasks());
      }
    }).addSink(all::add);
    source.windowAll(TumblingEventTimeWindows.of(TEN)).apply((AllWindowFunction<Ev, String, TimeWindow>) (window, values, out) -> {
      int sum = 0;
      for (Ev value : values) {
        sum += value.value();
      }
      out.collect(window.getStart() + ": sum " + sum);
    }).addSink(applied::add);
    source.windowAll(TumblingEventTimeWindows.of(TEN)).aggregate(new CountElements()).addSink(aggregated::add);
    env.execute();

    assertThat(all).containsExactlyInAnyOrder("0: 60 elements, subtask 0 of 1", "10: 20 elements, subtask 0 of 1");
    assertThat(applied).containsExactlyInAnyOrder("0: sum 140", "10: sum 60");
    assertThat(aggregated).containsExactlyInAnyOrder(60L, 20L);
  }

  @Test
  void windowedFieldAggregationsSumMinAndMaxByFieldAndPickTheElementForMinByAndMaxBy() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2).setStateBackend(backend);
    Script script = new Script()
        .element("a", 4, 1).element("a", 9, 2).element("a", 2, 3).element("b", 7, 4).element("a", 5, 12);
    List<String> sums = new CopyOnWriteArrayList<>();
    List<String> mins = new CopyOnWriteArrayList<>();
    List<String> maxBys = new CopyOnWriteArrayList<>();
    var source = env.addSource(script);
    source.keyBy(Ev::key).window(TumblingEventTimeWindows.of(TEN)).sum("value").map(Ev::toString).addSink(sums::add);
    source.keyBy(Ev::key).window(TumblingEventTimeWindows.of(TEN)).min("value").map(Ev::toString).addSink(mins::add);
    source.keyBy(Ev::key).window(TumblingEventTimeWindows.of(TEN)).maxBy("value").map(Ev::toString).addSink(maxBys::add);
    env.execute();

    // Ev prints as key + value; the window [0,10) of a holds 4, 9, 2 and [10,20) holds 5.
    assertThat(sums).containsExactlyInAnyOrder("a15", "b7", "a5");
    assertThat(mins).containsExactlyInAnyOrder("a2", "b7", "a5");
    assertThat(maxBys).containsExactlyInAnyOrder("a9", "b7", "a5");
  }

  private static final class CountElements implements AggregateFunction<Ev, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Ev value, Long accumulator) {
      return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}

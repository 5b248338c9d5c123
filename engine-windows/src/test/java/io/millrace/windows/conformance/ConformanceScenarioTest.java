package io.millrace.windows.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.DataStream;
import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.source.SourceFunction;
import io.millrace.api.windowing.GlobalWindow;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the window scenarios of the conformance suite ({@code /work/shared/conformance}, copied to
 * the test resources) and compares the main and late outputs, line by line as multisets, with
 * what Apache Flink 2.3.0 produced — at parallelism 1, 2 and 4, on each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class ConformanceScenarioTest {

  @Parameter
  StateBackend backend;

  static Stream<Arguments> scenarios() {
    List<Arguments> arguments = new ArrayList<>();
    for (String scenario : List.of("tumbling_bounded_late_dropped", "tumbling_allowed_lateness", "sliding_windows",
        "session_windows", "count_windows", "window_function_kinds", "two_channel_min_watermark")) {
      for (int parallelism : new int[] {1, 2, 4}) {
        arguments.add(Arguments.of(scenario, parallelism));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} at parallelism {1} gives Flink''s output")
  @MethodSource("scenarios")
  void scenarioGivesFlinksExactOutput(String scenario, int parallelism) throws Exception {
    Map<String, Object> spec = Json.object(resource(scenario, "spec.json"));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : resource(scenario, "input.jsonl").split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.object(line));
      }
    }
    List<String> main = new CopyOnWriteArrayList<>();
    List<String> late = new CopyOnWriteArrayList<>();

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    Map<String, Object> source = map(spec.get("source"));
    int channels = ((Long) source.getOrDefault("channels", 1L)).intValue();
    Map<String, Object> watermarks = map(source.get("watermarks"));
    DataStream<Event> input = null;
    for (int channel = 0; channel < channels; channel++) {
      DataStream<Event> channelStream = env.addSource(new ScriptedSource(lines, channel, watermarks));
      input = input == null ? channelStream : input.union(channelStream);
    }
    String keyField = (String) spec.getOrDefault("keyBy", "key");
    KeyedStream<Event, String> keyed = input.keyBy(event -> keyField.equals("type") ? event.type() : event.key());
    for (Object operator : (List<?>) spec.get("operators")) {
      addWindowOperator(keyed, map(operator), main, late);
    }
    env.execute(scenario);

    assertThat(sorted(main)).as("main output").containsExactlyElementsOf(expected(scenario, "expected.jsonl"));
    assertThat(sorted(late)).as("late side output").containsExactlyElementsOf(expected(scenario, "expected-late.jsonl"));
  }

  private static void addWindowOperator(KeyedStream<Event, String> keyed, Map<String, Object> operator, List<String> main,
      List<String> late) {
    String op = (String) operator.get("id");
    Map<String, Object> window = map(operator.get("window"));
    Map<String, Object> function = map(operator.get("function"));
    OutputTag<Event> lateTag = new OutputTag<>("late-" + op, Event.class);
    SingleOutputStreamOperator<Result> results;
    if (window.get("type").equals("count")) {
      long size = (Long) window.get("size");
      WindowedStream<Event, String, GlobalWindow> windowed =
          keyed.countWindow(size, (Long) window.getOrDefault("slide", size));
      results = applyFunction(windowed, op, function);
    } else {
      WindowedStream<Event, String, TimeWindow> windowed = switch ((String) window.get("type")) {
        case "tumbling" -> keyed.window(TumblingEventTimeWindows.of(
            Duration.ofMillis((Long) window.get("sizeMs")), Duration.ofMillis((Long) window.getOrDefault("offsetMs", 0L))));
        case "sliding" -> keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis((Long) window.get("sizeMs")),
            Duration.ofMillis((Long) window.get("slideMs")), Duration.ofMillis((Long) window.getOrDefault("offsetMs", 0L))));
        case "session" -> keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis((Long) window.get("gapMs"))));
        default -> throw new IllegalArgumentException("window " + window);
      };
      windowed.allowedLateness(Duration.ofMillis((Long) operator.getOrDefault("allowedLatenessMs", 0L)));
      if (Boolean.TRUE.equals(operator.get("lateSideOutput"))) {
        windowed.sideOutputLateData(lateTag);
      }
      results = applyFunction(windowed, op, function);
    }
    results.process(new FormatResult()).addSink(main::add);
    results.getSideOutput(lateTag).process(new FormatLate(op)).addSink(late::add);
  }

  @SuppressWarnings("unchecked")
  private static <W extends Window> SingleOutputStreamOperator<Result> applyFunction(
      WindowedStream<Event, String, W> windowed, String op, Map<String, Object> function) {
    List<String> measures = (List<String>) function.getOrDefault("measures", List.of("sum"));
    boolean windowInfo = Boolean.TRUE.equals(function.get("windowInfo"));
    switch ((String) function.get("type")) {
      case "reduce" -> {
        List<String> sumOnly = List.of("sum");
        if (windowInfo) {
          return windowed.reduce(ConformanceScenarioTest::sumValues, new WithWindowInfo<Event, W>(op, sumOnly) {
            private static final long serialVersionUID = 1L;

            @Override
            Measures measure(Iterable<Event> elements) {
              return Measures.of(elements);
            }
          });
        }
        return windowed.reduce(ConformanceScenarioTest::sumValues)
            .map(event -> new Result(op, event.key(), null, null, null, Measures.of(List.of(event)), sumOnly));
      }
      case "aggregate" -> {
        if (windowInfo) {
          return windowed.aggregate(new MeasuresAggregate(), new WithWindowInfo<Measures, W>(op, measures) {
            private static final long serialVersionUID = 1L;

            @Override
            Measures measure(Iterable<Measures> elements) {
              return elements.iterator().next();
            }
          });
        }
        return windowed.aggregate(new MeasuresAggregate())
            .map(measured -> new Result(op, measured.key, null, null, null, measured, measures));
      }
      case "process" -> {
        return windowed.process(new WithWindowInfo<Event, W>(op, measures) {
          private static final long serialVersionUID = 1L;

          @Override
          Measures measure(Iterable<Event> elements) {
            return Measures.of(elements);
          }
        });
      }
      default -> throw new IllegalArgumentException("function " + function);
    }
  }

  private static Event sumValues(Event a, Event b) {
    return new Event(a.id(), a.key(), a.ts(), a.value() + b.value(), a.type());
  }

  // ------------------------------------------------------------------------------- model

  /** An input event. */
  record Event(long id, String key, long ts, long value, String type) implements Serializable {}

  /**
   * The measures of a window's elements. The accumulator of {@link MeasuresAggregate}, so a POJO
   * (public no-arg constructor, public non-final fields): RocksDB serializes it.
   */
  static final class Measures implements Serializable {
    private static final long serialVersionUID = 1L;
    public String key;
    public long count;
    public long sum;
    public long min = Long.MAX_VALUE;
    public long max = Long.MIN_VALUE;
    public List<Long> ids = new ArrayList<>();

    public Measures() {}

    Measures add(Event event) {
      key = event.key();
      count++;
      sum += event.value();
      min = Math.min(min, event.value());
      max = Math.max(max, event.value());
      ids.add(event.id());
      return this;
    }

    static Measures of(Iterable<Event> events) {
      Measures measures = new Measures();
      events.forEach(measures::add);
      return measures;
    }
  }

  /** An output line before its record timestamp is known. */
  record Result(String op, String key, Long start, Long end, Long wm, Measures measures, List<String> names) {}

  private static final class MeasuresAggregate implements AggregateFunction<Event, Measures, Measures> {
    private static final long serialVersionUID = 1L;

    @Override
    public Measures createAccumulator() {
      return new Measures();
    }

    @Override
    public Measures add(Event value, Measures accumulator) {
      return accumulator.add(value);
    }

    @Override
    public Measures getResult(Measures accumulator) {
      return accumulator;
    }

    @Override
    public Measures merge(Measures a, Measures b) {
      throw new UnsupportedOperationException("not needed by the scenarios");
    }
  }

  /** A window function that adds the window bounds (time windows) and the watermark. */
  private abstract static class WithWindowInfo<IN, W extends Window> extends ProcessWindowFunction<IN, Result, String, W> {
    private static final long serialVersionUID = 1L;
    private final String op;
    private final List<String> names;

    WithWindowInfo(String op, List<String> names) {
      this.op = op;
      this.names = names;
    }

    abstract Measures measure(Iterable<IN> elements);

    @Override
    public void process(String key, Context context, Iterable<IN> elements, Collector<Result> out) {
      Long start = null;
      Long end = null;
      if (context.window() instanceof TimeWindow window) {
        start = window.getStart();
        end = window.getEnd();
      }
      out.collect(new Result(op, key, start, end, context.currentWatermark(), measure(elements), names));
    }
  }

  private static final class FormatResult extends ProcessFunction<Result, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Result result, Context ctx, Collector<String> out) {
      StringBuilder line = new StringBuilder("{\"op\":\"").append(result.op()).append("\",\"key\":\"").append(result.key()).append('"');
      if (result.start() != null) {
        line.append(",\"start\":").append(result.start()).append(",\"end\":").append(result.end());
      }
      if (result.wm() != null) {
        line.append(",\"wm\":").append(result.wm());
      }
      line.append(",\"ts\":").append(ctx.timestamp());
      Measures m = result.measures();
      for (String name : List.of("count", "sum", "min", "max", "ids")) {
        if (!result.names().contains(name)) {
          continue;
        }
        line.append(",\"").append(name).append("\":");
        switch (name) {
          case "count" -> line.append(m.count);
          case "sum" -> line.append(m.sum);
          case "min" -> line.append(m.min);
          case "max" -> line.append(m.max);
          default -> {
            List<Long> ids = new ArrayList<>(m.ids);
            Collections.sort(ids);
            line.append(ids.toString().replace(" ", ""));
          }
        }
      }
      out.collect(line.append('}').toString());
    }
  }

  private static final class FormatLate extends ProcessFunction<Event, String> {
    private static final long serialVersionUID = 1L;
    private final String op;

    FormatLate(String op) {
      this.op = op;
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<String> out) {
      out.collect("{\"op\":\"" + op + "\",\"key\":\"" + event.key() + "\",\"id\":" + event.id() + ",\"ts\":" + ctx.timestamp() + "}");
    }
  }

  /** One channel of the scenario's source: its lines in order, with the scenario's watermark rules. */
  private static final class ScriptedSource implements SourceFunction<Event> {
    private static final long serialVersionUID = 1L;
    private final List<Map<String, Object>> lines;
    private final int channel;
    private final String generator;
    private final long maxDelay;

    ScriptedSource(List<Map<String, Object>> lines, int channel, Map<String, Object> watermarks) {
      this.lines = lines;
      this.channel = channel;
      this.generator = (String) watermarks.get("type");
      this.maxDelay = (Long) watermarks.getOrDefault("maxDelayMs", 0L);
    }

    @Override
    public void run(SourceContext<Event> ctx) {
      long lastWatermark = Long.MIN_VALUE;
      long maxTs = Long.MIN_VALUE;
      for (Map<String, Object> line : lines) {
        if (((Long) line.getOrDefault("channel", 0L)).intValue() != channel || !"left".equals(line.getOrDefault("stream", "left"))) {
          continue;
        }
        long watermark;
        if (line.containsKey("watermark")) {
          watermark = (Long) line.get("watermark");
        } else if (line.containsKey("id")) {
          long ts = (Long) line.get("ts");
          ctx.collectWithTimestamp(new Event((Long) line.get("id"), (String) line.get("key"), ts,
              (Long) line.getOrDefault("value", 0L), (String) line.getOrDefault("type", "")), ts);
          maxTs = Math.max(maxTs, ts);
          watermark = switch (generator) {
            case "boundedOutOfOrderness" -> maxTs - maxDelay - 1;
            case "monotonous" -> maxTs - 1;
            default -> Long.MIN_VALUE;
          };
        } else {
          continue;
        }
        if (watermark > lastWatermark) {
          lastWatermark = watermark;
          ctx.emitWatermark(watermark);
        }
      }
    }

    @Override
    public void cancel() {}
  }

  // ------------------------------------------------------------------------------- files

  private static List<String> expected(String scenario, String file) throws IOException {
    if (ConformanceScenarioTest.class.getResource("/conformance/" + scenario + "/" + file) == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String line : resource(scenario, file).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return sorted(lines);
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    Collections.sort(copy);
    return copy;
  }

  private static String resource(String scenario, String file) throws IOException {
    try (InputStream in = ConformanceScenarioTest.class.getResourceAsStream("/conformance/" + scenario + "/" + file)) {
      if (in == null) {
        throw new IOException("missing resource conformance/" + scenario + "/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}

package io.millrace.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.source.SourceFunction;
import io.millrace.api.windowing.ProcessWindowFunction;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One million generated out-of-order events (a tenth on RocksDB, see {@link #EVENTS_ON_ROCKSDB};
 * a few far beyond the watermark bound) through tumbling, sliding and session windows, each with
 * and without allowed lateness, at parallelism 1, 2 and 4: every firing (key, window, watermark,
 * count, sum, record timestamp) and every late side output equals a sequential reference
 * computed from the whole input with Flink's rules, on each state backend. The seed is printed
 * on failure.
 */
@Tag("slow")
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowPropertyTest {
  private static final int EVENTS = 1_000_000;
  /**
   * RocksDB serializes every state access of the six window operators: a tenth of the events
   * (still about 100 seconds of event time, thousands of firings per window type) keeps a run
   * to seconds instead of minutes.
   */
  private static final int EVENTS_ON_ROCKSDB = 100_000;
  private static final int KEYS = 50;
  private static final long BOUND = 200;
  private static final long LATENESS = 500;
  private static final long SIZE = 1000;
  private static final long SLIDE = 250;
  private static final long GAP = 100;

  @Parameter
  StateBackend backend;

  /** The window types under test, by name. */
  private enum Kind { TUMBLING, SLIDING, SESSION }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void everyWindowTypeWithAndWithoutLatenessEqualsTheSequentialReference(int parallelism) throws Exception {
    long seed = 0x5EED_0000L + parallelism;
    int events = StateBackendsUnderTest.isRocksDB(backend) ? EVENTS_ON_ROCKSDB : EVENTS;
    Map<String, Map<String, Integer>> actual = new ConcurrentHashMap<>();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    KeyedStream<Event, String> keyed = env.addSource(new Generated(seed, events)).keyBy(Event::key);
    List<String> names = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (long lateness : new long[] {0, LATENESS}) {
        String name = kind + "/" + lateness;
        names.add(name);
        Map<String, Integer> out = actual.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        OutputTag<Event> late = new OutputTag<>("late-" + name, Event.class);
        SingleOutputStreamOperator<String> results = keyed.window(assigner(kind)).allowedLateness(Duration.ofMillis(lateness))
            .sideOutputLateData(late).aggregate(new CountAndSum(), new Describe());
        results.process(new WithTimestamp()).addSink(line -> out.merge(line, 1, Integer::sum));
        results.getSideOutput(late).addSink(event -> out.merge("late " + event, 1, Integer::sum));
      }
    }
    env.execute("window property test");

    for (String name : names) {
      Kind kind = Kind.valueOf(name.substring(0, name.indexOf('/')));
      long lateness = Long.parseLong(name.substring(name.indexOf('/') + 1));
      Map<String, Integer> expected = new Reference(kind, lateness).run(seed, events);
      assertThat(expected).as("reference of %s is not trivial", name).hasSizeGreaterThan(1000);
      assertThat(actual.get(name))
          .as("%s at parallelism %d on %s, seed %d, %d events (rerun with this seed)", name, parallelism, backend.name(), seed, events)
          .isEqualTo(expected);
    }
  }

  private static WindowAssigner<Object, TimeWindow> assigner(Kind kind) {
    return switch (kind) {
      case TUMBLING -> TumblingEventTimeWindows.of(Duration.ofMillis(SIZE));
      case SLIDING -> SlidingEventTimeWindows.of(Duration.ofMillis(SIZE), Duration.ofMillis(SLIDE));
      case SESSION -> EventTimeSessionWindows.withGap(Duration.ofMillis(GAP));
    };
  }

  /** An input event. */
  record Event(String key, long value, long ts) {
    @Override
    public String toString() {
      return key + " " + value + " " + ts;
    }
  }

  /** The generated input: element or watermark steps, identical for the source and the reference. */
  interface Steps {
    void element(Event event);

    void watermark(long watermark);
  }

  static void generate(long seed, int events, Steps steps) {
    SplittableRandom random = new SplittableRandom(seed);
    long maxTs = Long.MIN_VALUE;
    long lastWatermark = Long.MIN_VALUE;
    for (int i = 0; i < events; i++) {
      long ts = random.nextInt(100) < 3 ? i - 200 - random.nextLong(3000) : i - random.nextLong(BOUND + 1);
      Event event = new Event("k" + random.nextInt(KEYS), 1 + random.nextInt(100), ts);
      steps.element(event);
      maxTs = Math.max(maxTs, ts);
      if (i % 64 == 63 && maxTs - BOUND - 1 > lastWatermark) {
        lastWatermark = maxTs - BOUND - 1;
        steps.watermark(lastWatermark);
      }
    }
  }

  private static final class Generated implements SourceFunction<Event> {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int events;

    Generated(long seed, int events) {
      this.seed = seed;
      this.events = events;
    }

    @Override
    public void run(SourceContext<Event> ctx) {
      generate(seed, events, new Steps() {
        @Override
        public void element(Event event) {
          ctx.collectWithTimestamp(event, event.ts());
        }

        @Override
        public void watermark(long watermark) {
          ctx.emitWatermark(watermark);
        }
      });
    }

    @Override
    public void cancel() {}
  }

  private static final class WithTimestamp extends ProcessFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<String> collector) {
      collector.collect(value + " @" + ctx.timestamp());
    }
  }

  private static final class CountAndSum implements AggregateFunction<Event, long[], long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Event value, long[] accumulator) {
      accumulator[0]++;
      accumulator[1] += value.value();
      return accumulator;
    }

    @Override
    public long[] getResult(long[] accumulator) {
      return accumulator;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  private static final class Describe extends ProcessWindowFunction<long[], String, String, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<long[]> results, Collector<String> out) {
      long[] result = results.iterator().next();
      out.collect(line(key, context.window().getStart(), context.window().getEnd(), context.currentWatermark(), result[0], result[1]));
    }
  }

  static String line(String key, long start, long end, long wm, long count, long sum) {
    return key + " [" + start + "," + end + ") wm=" + wm + " count=" + count + " sum=" + sum;
  }

  /**
   * The sequential reference: Flink's window semantics written directly over per-key lists of
   * windows, without state backends, timers or merge sets. A window fires when the watermark
   * reaches its end - 1 if it received an element before that (it then has a timer), and at once
   * for each element it accepts after that; it accepts elements while end - 1 + lateness is
   * ahead of the watermark; an element none of whose windows accepts it is late if
   * ts + lateness <= watermark.
   */
  private static final class Reference implements Steps {
    private final Kind kind;
    private final long lateness;
    private final Map<String, Integer> out = new HashMap<>();
    private final Map<String, List<Win>> windows = new HashMap<>();
    private long wm = Long.MIN_VALUE;

    private static final class Win {
      long start;
      long end;
      long count;
      long sum;
      boolean timer;

      Win(long start, long end) {
        this.start = start;
        this.end = end;
      }
    }

    Reference(Kind kind, long lateness) {
      this.kind = kind;
      this.lateness = lateness;
    }

    Map<String, Integer> run(long seed, int events) {
      generate(seed, events, this);
      watermark(Long.MAX_VALUE);
      return out;
    }

    @Override
    public void element(Event event) {
      List<Win> ofKey = windows.computeIfAbsent(event.key(), k -> new ArrayList<>());
      boolean accepted = kind == Kind.SESSION ? addToSession(event, ofKey) : addToAligned(event, ofKey);
      if (!accepted && event.ts() + lateness <= wm) {
        out.merge("late " + event, 1, Integer::sum);
      }
    }

    private boolean addToAligned(Event event, List<Win> ofKey) {
      boolean accepted = false;
      long slide = kind == Kind.SLIDING ? SLIDE : SIZE;
      long lastStart = Math.floorDiv(event.ts(), slide) * slide;
      for (long start = lastStart; start > event.ts() - SIZE; start -= slide) {
        if (start + SIZE - 1 + lateness <= wm) {
          continue;
        }
        accepted = true;
        Win win = null;
        for (Win candidate : ofKey) {
          if (candidate.start == start) {
            win = candidate;
          }
        }
        if (win == null) {
          win = new Win(start, start + SIZE);
          ofKey.add(win);
        }
        addAndMaybeFire(event, win);
      }
      return accepted;
    }

    private boolean addToSession(Event event, List<Win> ofKey) {
      Win merged = new Win(event.ts(), event.ts() + GAP);
      for (Iterator<Win> it = ofKey.iterator(); it.hasNext(); ) {
        Win session = it.next();
        if (session.start <= event.ts() + GAP && session.end >= event.ts()) {
          merged.start = Math.min(merged.start, session.start);
          merged.end = Math.max(merged.end, session.end);
          merged.count += session.count;
          merged.sum += session.sum;
          it.remove();
        }
      }
      if (merged.end - 1 + lateness <= wm) {
        return false;
      }
      ofKey.add(merged);
      addAndMaybeFire(event, merged);
      return true;
    }

    private void addAndMaybeFire(Event event, Win win) {
      win.count++;
      win.sum += event.value();
      if (win.end - 1 <= wm) {
        fire(event.key(), win);
      } else {
        win.timer = true;
      }
    }

    @Override
    public void watermark(long watermark) {
      wm = watermark;
      for (Map.Entry<String, List<Win>> entry : windows.entrySet()) {
        for (Iterator<Win> it = entry.getValue().iterator(); it.hasNext(); ) {
          Win win = it.next();
          if (win.timer && win.end - 1 <= wm) {
            win.timer = false;
            fire(entry.getKey(), win);
          }
          long cleanup = win.end - 1 + lateness;
          if (cleanup <= wm) {
            it.remove();
          }
        }
      }
    }

    private void fire(String key, Win win) {
      out.merge(line(key, win.start, win.end, wm, win.count, win.sum) + " @" + (win.end - 1), 1, Integer::sum);
    }
  }
}

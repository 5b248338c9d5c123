package io.millrace.api;

import static io.millrace.api.GeneratedInput.SEED;
import static io.millrace.api.GeneratedInput.below;
import static io.millrace.api.GeneratedInput.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RichParallelSourceFunction;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyed processing against a sequential reference: a million generated events per case (a fifth
 * on RocksDB, see {@link StateBackendsUnderTest#events}), at parallelism 1, 2 and 4 and on each
 * state backend, with the seed, parallelism and backend in every failure message.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.api.StateBackendsUnderTest#all")
class KeyedPropertyTest {
  private static final int EVENTS = 1_000_000;
  private static final int KEYS = 1_000;
  /** Values of the state test are drawn from {@code [0, DISTINCT_VALUES)}, so keys repeat them. */
  private static final int DISTINCT_VALUES = 50;
  /** Values at or above this go to the list state of the state test (about one in ten). */
  private static final long LARGE_VALUE = 45;

  @Parameter
  StateBackend backend;

  /** One generated event; {@code endOfKey} marks the last event a source emits for its key. */
  record Event(int key, long value, boolean endOfKey) {}

  /** Event {@code index} of input {@code stream}: a key in {@code [0, KEYS)} and a value below {@code valueBound}. */
  static Event event(long seed, int stream, long index, int valueBound) {
    return new Event(below(seed, stream, 0, index, KEYS), below(seed, stream, 1, index, valueBound), false);
  }

  // ---------------------------------------------------------------- a. rolling reduce

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void rollingSumEmitsExactlyTheSequentialPrefixSumsOfEachKeyInSourceOrder(int parallelism) throws Exception {
    long seed = SEED;
    long events = StateBackendsUnderTest.events(backend, EVENTS);
    String rerun = describe(seed, parallelism, backend, events);
    Map<Integer, LongSequence> expected = new HashMap<>();
    Map<Integer, Long> sums = new HashMap<>();
    for (long i = 0; i < events; i++) {
      Event e = event(seed, 1, i, 2_001);
      long sum = sums.merge(e.key(), e.value() - 1_000, Long::sum);
      expected.computeIfAbsent(e.key(), k -> new LongSequence()).add(sum);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    Map<Integer, LongSequence> emitted = new ConcurrentHashMap<>();
    // The source gives each key exactly one producer subtask and emits that key's events in
    // index order. keyBy sends every event of a key from that producer down one channel (one
    // producer, one consumer, FIFO) to the one subtask owning the key's group, and the sink is
    // chained to the reduce. So each key's partial sums have a defined order: the sequential one.
    env.addSource(new KeyOwningSource(seed, 1, events, 2_001, false), "key-owning events")
        .map(e -> new Event(e.key(), e.value() - 1_000, false))
        .keyBy(Event::key)
        .reduce((a, b) -> new Event(a.key(), a.value() + b.value(), false))
        .addSink(e -> emitted.computeIfAbsent(e.key(), k -> new LongSequence()).add(e.value()));
    env.execute("rolling sum property");

    assertThat(LongSequence.differences(expected, emitted, 10))
        .as("%s: per-key partial sums differ from the sequential prefix sums", rerun)
        .isEmpty();
    Map<Integer, Long> finals = new TreeMap<>();
    emitted.forEach((key, values) -> finals.put(key, values.last()));
    assertThat(finals).as("%s: final sum per key", rerun).isEqualTo(new TreeMap<>(sums));
  }

  // ---------------------------------------------------------------- b. value, map and list state

  /** The state of one key when its last event has been processed. */
  record KeyState(int key, long count, Map<Long, Long> occurrences, List<Long> largeValues) {}

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void valueMapAndListStateHoldTheSequentialCountOccurrencesAndLargeValuesOfEachKey(int parallelism)
      throws Exception {
    long seed = SEED;
    long events = StateBackendsUnderTest.events(backend, EVENTS);
    String rerun = describe(seed, parallelism, backend, events);
    Map<Integer, KeyState> expected = new TreeMap<>();
    for (int key = 0; key < KEYS; key++) {
      expected.put(key, new KeyState(key, 0, new TreeMap<>(), new ArrayList<>()));
    }
    for (long i = 0; i < events; i++) {
      Event e = event(seed, 2, i, DISTINCT_VALUES);
      KeyState state = expected.get(e.key());
      state.occurrences().merge(e.value(), 1L, Long::sum);
      if (e.value() >= LARGE_VALUE) {
        state.largeValues().add(e.value());
      }
      expected.put(e.key(), new KeyState(e.key(), state.count() + 1, state.occurrences(), state.largeValues()));
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    Map<Integer, KeyState> finals = new ConcurrentHashMap<>();
    LongAdder snapshots = new LongAdder();
    // Each key's end marker follows all its events on the same single-producer path (see the
    // reduce test), so the snapshot taken at the marker is the key's final state.
    env.addSource(new KeyOwningSource(seed, 2, events, DISTINCT_VALUES, true), "key-owning events")
        .keyBy(Event::key)
        .process(new KeyStateTracker())
        .addSink(state -> {
          snapshots.increment();
          finals.put(state.key(), state);
        });
    env.execute("keyed state property");

    assertThat(snapshots.sum()).as("%s: one snapshot per key", rerun).isEqualTo(KEYS);
    assertThat(new TreeMap<>(finals)).as("%s: final state per key", rerun).isEqualTo(expected);
  }

  /** Counts events (value state), occurrences per value (map state) and large values (list state). */
  static final class KeyStateTracker extends KeyedProcessFunction<Integer, Event, KeyState> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;
    private transient MapState<Long, Long> occurrences;
    private transient ListState<Long> largeValues;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      occurrences = getRuntimeContext().getMapState(new MapStateDescriptor<>("occurrences", Long.class, Long.class));
      largeValues = getRuntimeContext().getListState(new ListStateDescriptor<>("large values", Long.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<KeyState> out) throws Exception {
      if (event.endOfKey()) {
        Map<Long, Long> occurrencesCopy = new TreeMap<>();
        for (Map.Entry<Long, Long> entry : occurrences.entries()) {
          occurrencesCopy.put(entry.getKey(), entry.getValue());
        }
        List<Long> largeCopy = new ArrayList<>();
        Iterable<Long> large = largeValues.get();
        if (large != null) {
          large.forEach(largeCopy::add);
        }
        Long n = count.value();
        out.collect(new KeyState(ctx.getCurrentKey(), n == null ? 0 : n, occurrencesCopy, largeCopy));
        return;
      }
      Long n = count.value();
      count.update(n == null ? 1 : n + 1);
      Long seen = occurrences.get(event.value());
      occurrences.put(event.value(), seen == null ? 1 : seen + 1);
      if (event.value() >= LARGE_VALUE) {
        largeValues.add(event.value());
      }
    }
  }

  // ---------------------------------------------------------------- c. union

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void keyedCountOverAUnionOfThreeStreamsWithDifferentParallelismsCountsEveryEventOnce(int parallelism)
      throws Exception {
    long seed = SEED;
    long first = StateBackendsUnderTest.events(backend, 400_000);
    long second = StateBackendsUnderTest.events(backend, 300_000);
    long third = StateBackendsUnderTest.events(backend, 300_000);
    Map<Integer, LongSequence> expected = new HashMap<>();
    Map<Integer, Long> counts = new HashMap<>();
    long[] sizes = {first, second, third};
    for (int stream = 0; stream < 3; stream++) {
      for (long i = 0; i < sizes[stream]; i++) {
        Event e = event(seed, 10 + stream, i, 1);
        long count = counts.merge(e.key(), 1L, Long::sum);
        expected.computeIfAbsent(e.key(), k -> new LongSequence()).add(count);
      }
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    DataStream<Event> one = env.fromSource(
            new DataGeneratorSource<>(i -> event(seed, 10, i, 1), first, Event.class),
            WatermarkStrategy.noWatermarks(), "stream one")
        .setParallelism(1);
    DataStream<Event> two = env.fromSequence(0, second - 1).setParallelism(2)
        .map(i -> event(seed, 11, i, 1)).setParallelism(2);
    DataStream<Event> three = env.fromSource(
            new DataGeneratorSource<>(i -> event(seed, 12, i, 1), third, Event.class),
            WatermarkStrategy.noWatermarks(), "stream three")
        .setParallelism(3);
    Map<Integer, LongSequence> emitted = new ConcurrentHashMap<>();
    // Arrival order between events of one key is not defined here (many producers), but a
    // count's emissions are: each key's counter is advanced by one subtask, one event at a time.
    one.union(two, three)
        .keyBy(Event::key)
        .process(new Counter())
        .addSink(count -> emitted.computeIfAbsent(count.key(), k -> new LongSequence()).add(count.value()));
    env.execute("union count property");

    assertThat(LongSequence.differences(expected, emitted, 10))
        .as("%s: per-key counts must run 1, 2, ..., n with n the key's events over all three inputs",
            describe(seed, parallelism, backend, first + second + third))
        .isEmpty();
  }

  /** Emits the key's running count (in {@link Event#value()}) for each event. */
  static final class Counter extends KeyedProcessFunction<Integer, Event, Event> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Event event, Context ctx, Collector<Event> out) throws Exception {
      Long n = count.value();
      long next = n == null ? 1 : n + 1;
      count.update(next);
      out.collect(new Event(ctx.getCurrentKey(), next, false));
    }
  }

  // ---------------------------------------------------------------- the per-key-ordered source

  /**
   * Emits events {@code [0, count)} of input {@code stream}, each from the one subtask that owns
   * its key ({@code key % parallelism == subtask}), in index order; with {@code endMarkers}, then
   * one end-of-key marker for each owned key. Every key's events thus have a single producer.
   */
  static final class KeyOwningSource extends RichParallelSourceFunction<Event> {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final int stream;
    private final long count;
    private final int valueBound;
    private final boolean endMarkers;
    private volatile boolean running = true;

    KeyOwningSource(long seed, int stream, long count, int valueBound, boolean endMarkers) {
      this.seed = seed;
      this.stream = stream;
      this.count = count;
      this.valueBound = valueBound;
      this.endMarkers = endMarkers;
    }

    @Override
    public void run(SourceContext<Event> ctx) {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      for (long i = 0; i < count && running; i++) {
        if (below(seed, stream, 0, i, KEYS) % subtasks == subtask) {
          ctx.collect(event(seed, stream, i, valueBound));
        }
      }
      for (int key = subtask; endMarkers && key < KEYS && running; key += subtasks) {
        ctx.collect(new Event(key, 0, true));
      }
    }

    @Override
    public void cancel() {
      running = false;
    }
  }
}

package io.millrace.benchmarks;

import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.VoidNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Keyed state access on a keyed state backend created directly with
 * {@link StateBackends#createKeyedStateBackend}, as one operator subtask holding every key group
 * would see it: {@code backend=rocksdb} against the baseline {@code backend=heap} in the same
 * run. One operation is {@code setCurrentKey} on the next of {@value #KEYS} {@code Long} keys
 * (cycled in a fixed order) followed by one access; the score is operations/second.
 *
 * <ul>
 *   <li>{@code valueGet}, {@code valueUpdate}: a {@code ValueState<Long>} set for every key;
 *   <li>{@code listAdd}: appends a {@code Long} to a {@code ListState<Long>} emptied before every
 *       iteration, so it holds (operations of the iteration) / {@value #KEYS} elements per key
 *       at its end;
 *   <li>{@code listGet}: reads and iterates a {@code ListState<Long>} of {@value #LIST_LENGTH}
 *       elements per key;
 *   <li>{@code mapPut}, {@code mapGet}: overwrite and read one entry of a
 *       {@code MapState<Long, String>} of {@value #MAP_SIZE} entries per key (16-character
 *       values), a different entry on each pass over the keys;
 *   <li>{@code mapIterate}: iterates all entries of that map.
 * </ul>
 *
 * <p>The states are filled before the trial and read back once as a check. The RocksDB backend
 * has its default memory settings and a fresh local directory per trial, deleted afterwards.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class StateAccessBenchmark {
  /** Distinct keys, accessed in turn. */
  static final int KEYS = 100_000;
  /** Elements per key of the list that {@code listGet} reads. */
  static final int LIST_LENGTH = 8;
  /** Entries per key of the map; a power of two. */
  static final int MAP_SIZE = 8;

  private static final ValueStateDescriptor<Long> VALUE =
      new ValueStateDescriptor<>("value", Long.class);
  private static final ListStateDescriptor<Long> LIST =
      new ListStateDescriptor<>("list", Long.class);
  private static final ListStateDescriptor<Long> APPENDED =
      new ListStateDescriptor<>("appended", Long.class);
  private static final MapStateDescriptor<Long, String> MAP =
      new MapStateDescriptor<>("map", Long.class, String.class);

  /** Where the state lives: {@code rocksdb} or {@code heap} (the baseline). */
  @Param({TrialBackend.HEAP, TrialBackend.ROCKSDB})
  public String backend;

  private TrialBackend trialBackend;
  private KeyedStateBackend<Long> keyed;
  private ValueState<Long> value;
  private ListState<Long> list;
  private ListState<Long> appended;
  private MapState<Long, String> map;

  /** The keys, boxed once; {@code keys[i]} is also what {@code valueUpdate} and {@code listAdd} write. */
  private final Long[] keys = new Long[KEYS];
  private final Long[] mapKeys = new Long[MAP_SIZE];
  private final String[] mapValues = new String[MAP_SIZE];
  /** The index of the next key in {@link #keys}. */
  private int next;
  /** Completed passes over the keys: chooses the map entry to put or get. */
  private int pass;

  /** Creates the backend and fills the states: a value, a list and a map for every key. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    for (int i = 0; i < KEYS; i++) {
      keys[i] = ClickGenerator.splitmix64(i); // a bijection: distinct keys, spread over key groups
    }
    for (int j = 0; j < MAP_SIZE; j++) {
      mapKeys[j] = (long) j;
      mapValues[j] = String.format("value-%010d", j);
    }
    trialBackend = TrialBackend.of(backend, "millrace-state-access-");
    int keyGroups = KeyGroupRangeAssignment.DEFAULT_MAX_PARALLELISM;
    keyed = StateBackends.createKeyedStateBackend(trialBackend.config(),
        new KeyGroupRange(0, keyGroups - 1), keyGroups, "process@0 (StateAccessBenchmark)");
    value = keyed.getOrCreateKeyedState(VALUE);
    list = keyed.getOrCreateKeyedState(LIST);
    appended = keyed.getOrCreateKeyedState(APPENDED);
    map = keyed.getOrCreateKeyedState(MAP);
    fill();
    check();
  }

  private void fill() throws Exception {
    Map<Long, String> entries = new HashMap<>();
    for (int j = 0; j < MAP_SIZE; j++) {
      entries.put(mapKeys[j], mapValues[j]);
    }
    for (Long key : keys) {
      keyed.setCurrentKey(key);
      value.update(key);
      List<Long> elements = new ArrayList<>(LIST_LENGTH);
      for (int j = 0; j < LIST_LENGTH; j++) {
        elements.add(key + j);
      }
      list.update(elements);
      map.putAll(entries);
    }
  }

  /** Reads back the last key's states: throws if the backend lost or changed what it was given. */
  private void check() throws Exception {
    Long key = keys[KEYS - 1];
    keyed.setCurrentKey(key);
    int listLength = 0;
    for (Long element : list.get()) {
      if (element != key + listLength) {
        throw new IllegalStateException(backend + ": list element " + listLength + " of key " + key
            + " is " + element + ", expected " + (key + listLength));
      }
      listLength++;
    }
    int mapSize = 0;
    for (Map.Entry<Long, String> entry : map.entries()) {
      if (!entry.getValue().equals(mapValues[entry.getKey().intValue()])) {
        throw new IllegalStateException(backend + ": map entry " + entry + " of key " + key
            + ", expected the value " + mapValues[entry.getKey().intValue()]);
      }
      mapSize++;
    }
    if (!key.equals(value.value()) || listLength != LIST_LENGTH || mapSize != MAP_SIZE) {
      throw new IllegalStateException(backend + ": key " + key + " reads back value " + value.value()
          + ", " + listLength + " list elements, " + mapSize + " map entries; expected " + key + ", "
          + LIST_LENGTH + ", " + MAP_SIZE);
    }
  }

  /** Empties the list that {@code listAdd} appends to (a no-op for the other benchmarks). */
  @Setup(Level.Iteration)
  public void emptyAppendedLists() throws Exception {
    keyed.applyToAllKeys(VoidNamespace.INSTANCE, APPENDED, (key, state) -> state.clear());
  }

  /** Closes the backend and deletes the RocksDB local directory. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try {
      keyed.close();
    } finally {
      trialBackend.close();
    }
  }

  /** Makes the next key current and returns its index. */
  private int nextKey() {
    int i = next;
    keyed.setCurrentKey(keys[i]);
    if (i + 1 < KEYS) {
      next = i + 1;
    } else {
      next = 0;
      pass++;
    }
    return i;
  }

  /** Reads a {@code ValueState<Long>}. */
  @Benchmark
  public Long valueGet() throws Exception {
    nextKey();
    return value.value();
  }

  /** Writes a {@code ValueState<Long>}. */
  @Benchmark
  public void valueUpdate() throws Exception {
    value.update(keys[nextKey()]);
  }

  /** Appends to a {@code ListState<Long>}. */
  @Benchmark
  public void listAdd() throws Exception {
    appended.add(keys[nextKey()]);
  }

  /** Reads a {@code ListState<Long>} of {@value #LIST_LENGTH} elements and iterates it. */
  @Benchmark
  public void listGet(Blackhole blackhole) throws Exception {
    nextKey();
    for (Long element : list.get()) {
      blackhole.consume(element);
    }
  }

  /** Overwrites one entry of a {@code MapState<Long, String>}. */
  @Benchmark
  public void mapPut() throws Exception {
    int i = nextKey();
    int entry = (i + pass) & (MAP_SIZE - 1);
    map.put(mapKeys[entry], mapValues[entry]);
  }

  /** Reads one entry of a {@code MapState<Long, String>}. */
  @Benchmark
  public String mapGet() throws Exception {
    int i = nextKey();
    return map.get(mapKeys[(i + pass) & (MAP_SIZE - 1)]);
  }

  /** Iterates the {@value #MAP_SIZE} entries of a {@code MapState<Long, String>}. */
  @Benchmark
  public void mapIterate(Blackhole blackhole) throws Exception {
    nextKey();
    for (Map.Entry<Long, String> entry : map.entries()) {
      blackhole.consume(entry.getKey());
      blackhole.consume(entry.getValue());
    }
  }
}

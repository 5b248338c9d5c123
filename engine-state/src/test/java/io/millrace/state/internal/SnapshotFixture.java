package io.millrace.state.internal;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One state of every kind — value, list and map in the void namespace and in string
 * namespaces, reducing, aggregating (with an accumulator changed in place), and two states with
 * TTL — filled per key from the key's number, and read back as one line per key: what the
 * snapshot tests write, restore and compare.
 */
final class SnapshotFixture {
  static final TypeSerializer<String> NAMESPACES = TypeSerializers.forClass(String.class);
  static final List<String> WINDOWS = List.of("w1", "w2");
  static final Duration TTL = Duration.ofMinutes(1);

  /** Sum and count, changed in place by add and merge. */
  static final class Average implements AggregateFunction<Long, long[], Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      accumulator[0] += value;
      accumulator[1]++;
      return accumulator;
    }

    @Override
    public Double getResult(long[] accumulator) {
      return (double) accumulator[0] / accumulator[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  final ValueState<String> value;
  final ListState<Long> list;
  final ListState<Long> windowList;
  final MapState<String, Long> map;
  final MapState<String, Long> windowMap;
  final ReducingState<Long> sum;
  final AggregatingState<Long, Double> average;
  final ValueState<String> ttlValue;
  final ListState<String> ttlList;
  private final KeyedStateBackend<Long> backend;

  /** The states of {@code backend}, obtained (registered) now. */
  SnapshotFixture(KeyedStateBackend<Long> backend) {
    this(backend, StateTtlConfig.newBuilder(TTL).disableCleanupInBackground().build());
  }

  SnapshotFixture(KeyedStateBackend<Long> backend, StateTtlConfig ttl) {
    this.backend = backend;
    value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("value", String.class));
    list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", Long.class));
    windowList = backend.getOrCreateKeyedState(NAMESPACES, new ListStateDescriptor<>("window list", Long.class));
    map = backend.getOrCreateKeyedState(new MapStateDescriptor<>("map", String.class, Long.class));
    windowMap =
        backend.getOrCreateKeyedState(NAMESPACES, new MapStateDescriptor<>("window map", String.class, Long.class));
    sum = backend.getOrCreateKeyedState(NAMESPACES, new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
    average =
        backend.getOrCreateKeyedState(
            new AggregatingStateDescriptor<>("average", new Average(), long[].class));
    ValueStateDescriptor<String> ttlValueDescriptor = new ValueStateDescriptor<>("ttl value", String.class);
    ttlValueDescriptor.enableTimeToLive(ttl);
    ttlValue = backend.getOrCreateKeyedState(ttlValueDescriptor);
    ListStateDescriptor<String> ttlListDescriptor = new ListStateDescriptor<>("ttl list", String.class);
    ttlListDescriptor.enableTimeToLive(ttl);
    ttlList = backend.getOrCreateKeyedState(ttlListDescriptor);
  }

  /** Writes key {@code key}'s values, all derived from the key. */
  void fill(long key) throws Exception {
    backend.setCurrentKey(key);
    value.update("v" + key);
    list.update(List.of(key, key + 1, key + 2));
    map.put("x", key);
    map.put(null, -key);
    map.put("nothing", null);
    average.add(key);
    average.add(key + 2);
    ttlValue.update("t" + key);
    ttlList.add("a" + key);
    ttlList.add("b" + key);
    for (String window : WINDOWS) {
      KeyedStateBackendTestBase.internal(windowList).setCurrentNamespace(window);
      windowList.add(key * 10);
      windowList.add(key * 10 + window.length());
      KeyedStateBackendTestBase.internal(windowMap).setCurrentNamespace(window);
      windowMap.put(window, key);
      KeyedStateBackendTestBase.internal(sum).setCurrentNamespace(window);
      sum.add(key);
      sum.add(100L);
    }
  }

  /** Everything key {@code key} holds, as one line. */
  String read(long key) throws Exception {
    backend.setCurrentKey(key);
    StringBuilder line = new StringBuilder();
    line.append("value=").append(value.value());
    line.append(" list=").append(KeyedStateBackendTestBase.list(list.get()));
    line.append(" map=").append(sorted(map.entries()));
    line.append(" average=").append(average.get());
    line.append(" ttlValue=").append(ttlValue.value());
    line.append(" ttlList=").append(KeyedStateBackendTestBase.list(ttlList.get()));
    for (String window : WINDOWS) {
      KeyedStateBackendTestBase.internal(windowList).setCurrentNamespace(window);
      KeyedStateBackendTestBase.internal(windowMap).setCurrentNamespace(window);
      KeyedStateBackendTestBase.internal(sum).setCurrentNamespace(window);
      line.append(" ").append(window).append(":list=").append(KeyedStateBackendTestBase.list(windowList.get()));
      line.append(" ").append(window).append(":map=").append(sorted(windowMap.entries()));
      line.append(" ").append(window).append(":sum=").append(sum.get());
    }
    return line.toString();
  }

  /** What {@link #read} returns for a key that {@link #fill} wrote. */
  static String expected(long key) {
    StringBuilder line = new StringBuilder();
    line.append("value=v").append(key);
    line.append(" list=").append(List.of(key, key + 1, key + 2));
    TreeMap<String, String> map = new TreeMap<>();
    map.put("x", String.valueOf(key));
    map.put("null", String.valueOf(-key));
    map.put("nothing", "null");
    line.append(" map=").append(map);
    line.append(" average=").append((double) (key + key + 2) / 2);
    line.append(" ttlValue=t").append(key);
    line.append(" ttlList=").append(List.of("a" + key, "b" + key));
    for (String window : WINDOWS) {
      line.append(" ").append(window).append(":list=").append(List.of(key * 10, key * 10 + window.length()));
      line.append(" ").append(window).append(":map=").append(Map.of(window, String.valueOf(key)));
      line.append(" ").append(window).append(":sum=").append(key + 100);
    }
    return line.toString();
  }

  private static TreeMap<String, String> sorted(Iterable<Map.Entry<String, Long>> entries) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, Long> entry : entries) {
      sorted.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
    }
    return sorted;
  }

  /** Writes {@code snapshot} into a byte array and closes it. */
  static byte[] write(KeyedStateSnapshot snapshot) {
    try (snapshot) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long bytes = snapshot.writeTo(out);
      if (bytes != out.size()) {
        throw new AssertionError("writeTo returned " + bytes + " but wrote " + out.size());
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inputs over {@code snapshots}, named {@code snapshot-<i>}. */
  static List<SnapshotInput> inputs(List<byte[]> snapshots) {
    List<SnapshotInput> inputs = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      inputs.add(SnapshotInput.ofBytes("snapshot-" + i, snapshots.get(i)));
    }
    return inputs;
  }
}

package io.millrace.state.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.InternalKvState;
import io.millrace.state.internal.InternalMergingState;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;

/**
 * How the RocksDB backend lays state out (read back by scanning the column families), and the
 * behaviours that depend on it: chunked map iteration, huge values, window namespaces.
 */
class RocksDBStateLayoutTest {

  @TempDir Path localDirectory;
  private final List<RocksDBKeyedStateBackend<?>> opened = new ArrayList<>();

  private <K> RocksDBKeyedStateBackend<K> open(int numberOfKeyGroups) {
    RocksDBKeyedStateBackend<K> backend =
        new RocksDBKeyedStateBackend<>(
            new EmbeddedRocksDBStateBackend().setLocalDirectory(localDirectory),
            new KeyGroupRange(0, numberOfKeyGroups - 1), numberOfKeyGroups, "layout@0", () -> 0L);
    opened.add(backend);
    return backend;
  }

  @AfterEach
  void close() {
    opened.forEach(RocksDBKeyedStateBackend::close);
  }

  /** The raw keys and values of a state's column family, in RocksDB's order. */
  private static List<byte[][]> scan(RocksDBKeyedStateBackend<?> backend, String stateName) {
    AbstractRocksDBState<?> state = backend.state(stateName);
    List<byte[][]> entries = new ArrayList<>();
    try (RocksIterator iterator = backend.db.newIterator(state.columnFamily, stateName)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        entries.add(new byte[][] {iterator.key(), iterator.value()});
      }
    }
    return entries;
  }

  private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  private static byte[] concat(byte[]... parts) {
    DataOutputSerializer out = new DataOutputSerializer(16);
    for (byte[] part : parts) {
      out.write(part);
    }
    return out.getCopyOfBuffer();
  }

  private static final TypeSerializer<String> STRINGS = TypeSerializers.forClass(String.class);
  private static final TypeSerializer<Integer> INTS = TypeSerializers.forClass(Integer.class);

  // ---- key layout ----

  @Test
  void mapEntryKeysAreKeyGroupKeyNamespaceUserKeyAndValuesHaveAPresenceByte() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    MapState<Integer, Integer> map =
        backend.getOrCreateKeyedState(STRINGS, new MapStateDescriptor<>("m", Integer.class, Integer.class));
    backend.setCurrentKey("a");
    internal(map).setCurrentNamespace("w");
    map.put(7, 42);

    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup("a", 128);
    List<byte[][]> entries = scan(backend, "m");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)[0])
        .isEqualTo(concat(new byte[] {(byte) keyGroup}, bytes(STRINGS, "a"), bytes(STRINGS, "w"),
            bytes(TypeSerializers.nullable(INTS), 7)));
    assertThat(entries.get(0)[1]).isEqualTo(bytes(TypeSerializers.nullable(INTS), 42));
  }

  @Test
  void stateWithoutNamespaceHasNoNamespaceBytesAndMoreThan128KeyGroupsTakeTwoBytes()
      throws Exception {
    RocksDBKeyedStateBackend<Integer> backend = open(1024);
    ValueState<String> value =
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
    backend.setCurrentKey(5);
    value.update("five");

    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(5, 1024);
    List<byte[][]> entries = scan(backend, "v");
    assertThat(entries.get(0)[0])
        .isEqualTo(concat(new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup}, bytes(INTS, 5)));
    assertThat(entries.get(0)[1]).isEqualTo(bytes(STRINGS, "five"));
  }

  @Test
  void keyGroupsAreContiguousInAScan() throws Exception {
    for (int numberOfKeyGroups : new int[] {128, 4096}) {
      RocksDBKeyedStateBackend<Integer> backend = open(numberOfKeyGroups);
      ValueState<Integer> value =
          backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
      MapState<Integer, Integer> map =
          backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", Integer.class, Integer.class));
      for (int key = 0; key < 5000; key++) {
        backend.setCurrentKey(key);
        value.update(key);
        map.put(1, key);
        map.put(2, key);
      }

      for (String state : List.of("v", "m")) {
        List<Integer> groupsInScanOrder = new ArrayList<>();
        for (byte[][] entry : scan(backend, state)) {
          int keyGroup = numberOfKeyGroups <= 128
              ? entry[0][0] & 0xFF
              : ((entry[0][0] & 0xFF) << 8) | (entry[0][1] & 0xFF);
          int prefix = numberOfKeyGroups <= 128 ? 1 : 2;
          int key = INTS.deserialize(new DataInputDeserializer(
              Arrays.copyOfRange(entry[0], prefix, prefix + 4)));
          assertThat(keyGroup).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups));
          groupsInScanOrder.add(keyGroup);
        }
        assertThat(groupsInScanOrder).as("state %s with %s key groups", state, numberOfKeyGroups)
            .hasSize(state.equals("v") ? 5000 : 10000)
            .isSorted();
      }
    }
  }

  @Test
  void listElementsAreDelimitedAndAppendedThroughTheMergeOperator() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ListState<String> list =
        backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", String.class));
    backend.setCurrentKey("a");
    list.add("x");
    list.addAll(List.of("yy", "zzz"));

    assertThat(scan(backend, "l").get(0)[1])
        .isEqualTo(concat(bytes(STRINGS, "x"), new byte[] {','}, bytes(STRINGS, "yy"),
            new byte[] {','}, bytes(STRINGS, "zzz")));
    assertThat(list.get()).containsExactly("x", "yy", "zzz");
  }

  @Test
  void listElementsThatSerializeToDelimiterBytesRoundTrip() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ListState<byte[]> list =
        backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", byte[].class));
    backend.setCurrentKey("a");
    list.add(new byte[] {',', ',', ','});
    list.add(new byte[0]);
    list.add(new byte[] {','});

    assertThat(list.get()).containsExactly(new byte[] {',', ',', ','}, new byte[0], new byte[] {','});
  }

  // ---- map iteration ----

  @Test
  void mapIterationReadsMapsLargerThanOneChunkAndRemovesThroughTheIterator() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    MapState<Integer, String> map =
        backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", Integer.class, String.class));
    int size = RocksDBMapState.ITERATOR_CHUNK_SIZE * 7 + 3;
    backend.setCurrentKey("neighbour");
    map.put(0, "not mine");
    backend.setCurrentKey("a");
    Map<Integer, String> expected = new HashMap<>();
    for (int i = 0; i < size; i++) {
      expected.put(i, "v" + i);
    }
    map.putAll(expected);

    Map<Integer, String> seen = new HashMap<>();
    for (Map.Entry<Integer, String> entry : map.entries()) {
      seen.put(entry.getKey(), entry.getValue());
    }
    assertThat(seen).isEqualTo(expected);

    Iterator<Integer> keys = map.keys().iterator();
    int visited = 0;
    while (keys.hasNext()) {
      int key = keys.next();
      visited++;
      if (key % 2 == 0) {
        keys.remove();
      }
    }
    assertThat(visited).isEqualTo(size);
    List<Integer> remaining = new ArrayList<>();
    map.keys().forEach(remaining::add);
    assertThat(remaining).hasSize(size / 2).allMatch(key -> key % 2 == 1);
    backend.setCurrentKey("neighbour");
    assertThat(map.entries()).containsExactly(entry(0, "not mine"));
  }

  @Test
  void clearDeletesMapsLargerThanOneWriteBatch() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    MapState<Integer, Integer> map =
        backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", Integer.class, Integer.class));
    backend.setCurrentKey("b");
    map.put(1, 1);
    backend.setCurrentKey("a");
    for (int i = 0; i < 3000; i++) {
      map.put(i, i);
    }

    map.clear();

    assertThat(map.isEmpty()).isTrue();
    assertThat(backend.numStateEntries()).isEqualTo(1);
    assertThat(scan(backend, "m")).hasSize(1);
  }

  // ---- values ----

  @Test
  void valuesOfManyMegabytesRoundTrip() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ValueState<byte[]> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", byte[].class));
    ListState<byte[]> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", byte[].class));
    MapState<String, byte[]> map =
        backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", String.class, byte[].class));
    byte[] huge = new byte[24 << 20];
    for (int i = 0; i < huge.length; i++) {
      huge[i] = (byte) (i * 31);
    }
    byte[] large = Arrays.copyOf(huge, 5 << 20);
    backend.setCurrentKey("a");

    value.update(huge);
    list.add(large);
    list.add(large);
    map.put("big", huge);

    assertThat(value.value()).isEqualTo(huge);
    assertThat(list.get()).hasSize(2).allSatisfy(element -> assertThat(element).isEqualTo(large));
    assertThat(map.get("big")).isEqualTo(huge);
  }

  @Test
  void valuesHandedOutAreCopies() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ValueState<long[]> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", long[].class));
    backend.setCurrentKey("a");
    long[] stored = {1, 2};
    value.update(stored);

    stored[0] = 99;
    value.value()[1] = 99;

    assertThat(value.value()).containsExactly(1, 2).isNotSameAs(value.value());
  }

  // ---- window namespaces ----

  @Test
  void windowNamespacesWrittenByTheirOwnSerializer() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ValueState<Long> count =
        backend.getOrCreateKeyedState(TimeWindow.Serializer.INSTANCE, new ValueStateDescriptor<>("count", Long.class));
    InternalKvState<Object> scoped = internal(count);
    TimeWindow first = new TimeWindow(0, 10);
    TimeWindow second = new TimeWindow(10, 20);
    for (String key : List.of("a", "b")) {
      backend.setCurrentKey(key);
      scoped.setCurrentNamespace(first);
      count.update(1L);
      scoped.setCurrentNamespace(new TimeWindow(10, 20));
      count.update(2L);
    }
    backend.setCurrentKey("c");
    count.update(3L);

    assertThat(backend.getKeys("count", first)).containsExactlyInAnyOrder("a", "b");
    assertThat(backend.getKeys("count", second)).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(backend.numStateEntries()).isEqualTo(5);
    List<String> visited = new ArrayList<>();
    backend.applyToAllKeys(second, new ValueStateDescriptor<>("count", Long.class), (key, state) -> {
      visited.add(key + "=" + state.value());
      state.clear();
    });
    assertThat(visited).containsExactlyInAnyOrder("a=2", "b=2", "c=3");
    assertThat(backend.numStateEntries()).isEqualTo(2);
    backend.setCurrentKey("a");
    scoped.setCurrentNamespace(first);
    assertThat(count.value()).isEqualTo(1L);
  }

  @Test
  void mergingSessionWindowsOfListReducingAndAggregatingState() throws Exception {
    RocksDBKeyedStateBackend<String> backend = open(128);
    ListState<String> list =
        backend.getOrCreateKeyedState(TimeWindow.Serializer.INSTANCE, new ListStateDescriptor<>("l", String.class));
    ReducingState<Long> sum =
        backend.getOrCreateKeyedState(
            TimeWindow.Serializer.INSTANCE, new ReducingStateDescriptor<>("s", Long::sum, Long.class));
    AggregatingState<Long, Long> max =
        backend.getOrCreateKeyedState(
            TimeWindow.Serializer.INSTANCE, new AggregatingStateDescriptor<>("x", new Max(), Long.class));
    List<InternalMergingState<Object>> states = List.of(merging(list), merging(sum), merging(max));
    TimeWindow early = new TimeWindow(0, 5);
    TimeWindow late = new TimeWindow(3, 9);
    TimeWindow merged = new TimeWindow(0, 9);
    backend.setCurrentKey("a");
    long n = 0;
    for (TimeWindow window : List.of(early, late)) {
      states.forEach(state -> state.setCurrentNamespace(window));
      for (int i = 0; i < 2; i++) {
        n++;
        list.add(window.start() + ":" + n);
        sum.add(n);
        max.add(n * (window == early ? 10 : 1));
      }
    }

    for (InternalMergingState<Object> state : states) {
      state.mergeNamespaces(merged, List.of(early, late));
      state.setCurrentNamespace(merged);
    }

    assertThat(list.get()).containsExactly("0:1", "0:2", "3:3", "3:4");
    assertThat(sum.get()).isEqualTo(10L);
    assertThat(max.get()).isEqualTo(20L);
    assertThat(backend.numStateEntries()).isEqualTo(3);
    assertThat(backend.getKeys("l", merged)).containsExactly("a");
  }

  /** The largest value added. */
  private static final class Max implements AggregateFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return Long.MIN_VALUE;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return Math.max(value, accumulator);
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return Math.max(a, b);
    }
  }

  @SuppressWarnings("unchecked") // every RocksDB handle implements InternalKvState<Object>
  private static InternalKvState<Object> internal(Object handle) {
    return (InternalKvState<Object>) handle;
  }

  @SuppressWarnings("unchecked") // list, reducing and aggregating handles implement it
  private static InternalMergingState<Object> merging(Object handle) {
    return (InternalMergingState<Object>) handle;
  }
}

package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.internal.snapshot.SnapshotInput;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keyed snapshots: every state kind round-trips through the backend-independent format onto
 * either backend, at the same and at other parallelisms, with each key group landing where
 * {@link KeyGroupRangeAssignment} says.
 */
class KeyedStateSnapshotTest extends KeyedStateBackendTestBase {

  private static final int KEY_GROUPS = 128;
  private static final int KEYS = 300;

  static Stream<Arguments> backendPairs() {
    return Stream.of(
        Arguments.of(Backend.HEAP, Backend.HEAP),
        Arguments.of(Backend.HEAP, Backend.ROCKSDB),
        Arguments.of(Backend.ROCKSDB, Backend.HEAP),
        Arguments.of(Backend.ROCKSDB, Backend.ROCKSDB));
  }

  static Stream<Arguments> rescalings() {
    List<Arguments> arguments = new ArrayList<>();
    int[][] parallelisms = {{1, 4}, {4, 2}, {3, 2}};
    // Each rescaling writes with one backend and restores onto the other, both ways; restores
    // onto the same kind are covered by everyStateKindRoundTripsWithNamespaces.
    for (int[] p : parallelisms) {
      arguments.add(Arguments.of(p[0], p[1], Backend.HEAP, Backend.ROCKSDB));
      arguments.add(Arguments.of(p[0], p[1], Backend.ROCKSDB, Backend.HEAP));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("backendPairs")
  void everyStateKindRoundTripsWithNamespaces(Backend from, Backend to) throws Exception {
    KeyedStateBackend<Long> source = open(from);
    SnapshotFixture written = new SnapshotFixture(source);
    for (long key = 0; key < KEYS; key++) {
      written.fill(key);
    }
    byte[] snapshot = SnapshotFixture.write(source.snapshot());

    KeyedStateBackend<Long> target = open(to);
    target.restore(SnapshotFixture.inputs(List.of(snapshot)));
    SnapshotFixture restored = new SnapshotFixture(target);

    for (long key = 0; key < KEYS; key++) {
      assertThat(restored.read(key)).as("key %d", key).isEqualTo(SnapshotFixture.expected(key));
    }
    assertThat(target.numStateEntries()).isEqualTo(source.numStateEntries());
  }

  @ParameterizedTest(name = "{0} -> {1} subtasks, {2} -> {3}")
  @MethodSource("rescalings")
  void rescalingPutsEveryKeyGroupWhereTheAssignmentSaysAndEveryKeyExactlyOnce(
      int oldParallelism, int newParallelism, Backend from, Backend to) throws Exception {
    List<byte[]> snapshots = new ArrayList<>();
    for (int subtask = 0; subtask < oldParallelism; subtask++) {
      KeyedStateBackend<Long> source = open(from, range(oldParallelism, subtask), KEY_GROUPS, "old@" + subtask);
      SnapshotFixture fixture = new SnapshotFixture(source);
      for (long key = 0; key < KEYS; key++) {
        if (owner(key, oldParallelism) == subtask) {
          fixture.fill(key);
        }
      }
      snapshots.add(SnapshotFixture.write(source.snapshot()));
    }

    Map<Long, Integer> seen = new HashMap<>();
    for (int subtask = 0; subtask < newParallelism; subtask++) {
      KeyGroupRange range = range(newParallelism, subtask);
      KeyedStateBackend<Long> target = open(to, range, KEY_GROUPS, "new@" + subtask);
      target.restore(SnapshotFixture.inputs(snapshots));
      SnapshotFixture restored = new SnapshotFixture(target);
      List<Long> keys = target.getKeys("value", VoidNamespace.INSTANCE).toList();
      for (long key : keys) {
        assertThat(range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, KEY_GROUPS))).isTrue();
        assertThat(owner(key, newParallelism)).isEqualTo(subtask);
        assertThat(restored.read(key)).isEqualTo(SnapshotFixture.expected(key));
        seen.merge(key, 1, Integer::sum);
      }
    }
    assertThat(seen).hasSize(KEYS);
    assertThat(seen.values()).containsOnly(1);
  }

  private static KeyGroupRange range(int parallelism, int subtask) {
    return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(KEY_GROUPS, parallelism, subtask);
  }

  private static int owner(long key, int parallelism) {
    return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(
        KEY_GROUPS, parallelism, KeyGroupRangeAssignment.assignToKeyGroup(key, KEY_GROUPS));
  }

  @OnEveryBackend
  void restoredStatesNotRegisteredAgainAreWrittenBackUnchanged(Backend kind) throws Exception {
    KeyedStateBackend<Long> source = open(kind);
    SnapshotFixture written = new SnapshotFixture(source);
    for (long key = 0; key < 20; key++) {
      written.fill(key);
    }
    byte[] first = SnapshotFixture.write(source.snapshot());
    KeyedStateBackend<Long> middle = open(kind == Backend.HEAP ? Backend.ROCKSDB : Backend.HEAP);
    middle.restore(SnapshotFixture.inputs(List.of(first)));
    KeyedStateSnapshot untouched = middle.snapshot();
    assertThat(untouched.meta().states()).hasSize(9);
    byte[] second = SnapshotFixture.write(untouched);

    KeyedStateBackend<Long> target = open(kind);
    target.restore(SnapshotFixture.inputs(List.of(second)));
    SnapshotFixture restored = new SnapshotFixture(target);
    for (long key = 0; key < 20; key++) {
      assertThat(restored.read(key)).isEqualTo(SnapshotFixture.expected(key));
    }
  }

  private static StateTtlConfig ttl(boolean cleanupFullSnapshot, StateTtlConfig.StateVisibility visibility) {
    StateTtlConfig.Builder builder =
        StateTtlConfig.newBuilder(Duration.ofSeconds(60))
            .setStateVisibility(visibility)
            .disableCleanupInBackground();
    return (cleanupFullSnapshot ? builder.cleanupFullSnapshot() : builder).build();
  }

  /** Value, list and map state with {@code ttl}; written at two times, read back. */
  private static final class TtlStates {
    final ValueState<String> value;
    final ListState<String> list;
    final MapState<String, String> map;
    final KeyedStateBackend<Long> backend;

    TtlStates(KeyedStateBackend<Long> backend, StateTtlConfig ttl) {
      this.backend = backend;
      ValueStateDescriptor<String> valueDescriptor = new ValueStateDescriptor<>("value", String.class);
      valueDescriptor.enableTimeToLive(ttl);
      ListStateDescriptor<String> listDescriptor = new ListStateDescriptor<>("list", String.class);
      listDescriptor.enableTimeToLive(ttl);
      MapStateDescriptor<String, String> mapDescriptor = new MapStateDescriptor<>("map", String.class, String.class);
      mapDescriptor.enableTimeToLive(ttl);
      value = backend.getOrCreateKeyedState(valueDescriptor);
      list = backend.getOrCreateKeyedState(listDescriptor);
      map = backend.getOrCreateKeyedState(mapDescriptor);
    }

    String read(long key) throws Exception {
      backend.setCurrentKey(key);
      TreeMap<String, String> entries = new TreeMap<>();
      map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
      return "value=" + value.value() + " list=" + list(list.get()) + " map=" + entries;
    }
  }

  @OnEveryBackend
  void fullSnapshotsLeaveOutExpiredValuesWhenTheTtlSaysCleanupFullSnapshot(Backend kind) throws Exception {
    for (boolean cleanup : new boolean[] {true, false}) {
      clock.set(0);
      KeyedStateBackend<Long> source = open(kind);
      TtlStates written = new TtlStates(source, ttl(cleanup, StateTtlConfig.StateVisibility.NeverReturnExpired));
      for (long key = 0; key < 10; key++) {
        source.setCurrentKey(key);
        if (key % 2 == 0) {
          written.value.update("old" + key);
        }
        written.list.add("old");
        written.map.put("old", "o");
      }
      clock.set(40_000);
      for (long key = 0; key < 10; key++) {
        source.setCurrentKey(key);
        if (key % 2 == 1) {
          written.value.update("new" + key);
        }
        written.list.add("new");
        written.map.put("new", "n");
      }
      clock.set(70_000); // the first writes expired at 60 s, the second expire at 100 s
      byte[] snapshot = SnapshotFixture.write(source.snapshot());

      KeyedStateBackend<Long> target = open(kind == Backend.HEAP ? Backend.ROCKSDB : Backend.HEAP);
      target.restore(SnapshotFixture.inputs(List.of(snapshot)));
      TtlStates restored =
          new TtlStates(target, ttl(false, StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp));
      for (long key = 0; key < 10; key++) {
        String oldValue = key % 2 == 0 ? "old" + key : "new" + key;
        assertThat(restored.read(key))
            .as("cleanup %s, key %d", cleanup, key)
            .isEqualTo(
                cleanup
                    ? "value=" + (key % 2 == 0 ? null : "new" + key) + " list=[new] map={new=n}"
                    : "value=" + oldValue + " list=[old, new] map={new=n, old=o}");
      }
    }
  }

  @OnEveryBackend
  void snapshotsInsideOneLargerFileAreReadThroughFileRegions(Backend kind) throws Exception {
    Path file = localDirectory.resolve("chk-1.keyed");
    List<long[]> regions = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(file)) {
      long offset = 0;
      for (int subtask = 0; subtask < 2; subtask++) {
        KeyedStateBackend<Long> source = open(kind, range(2, subtask), KEY_GROUPS, "old@" + subtask);
        SnapshotFixture fixture = new SnapshotFixture(source);
        for (long key = 0; key < 50; key++) {
          if (owner(key, 2) == subtask) {
            fixture.fill(key);
          }
        }
        try (KeyedStateSnapshot snapshot = source.snapshot()) {
          long length = snapshot.writeTo(out);
          regions.add(new long[] {offset, length});
          offset += length;
        }
      }
    }

    KeyedStateBackend<Long> target = open(kind);
    try (SnapshotInput first = SnapshotInput.ofFileRegion(file, regions.get(0)[0], regions.get(0)[1]);
        SnapshotInput second = SnapshotInput.ofFileRegion(file, regions.get(1)[0], regions.get(1)[1])) {
      target.restore(List.of(second, first));
    }
    SnapshotFixture restored = new SnapshotFixture(target);
    for (long key = 0; key < 50; key++) {
      assertThat(restored.read(key)).isEqualTo(SnapshotFixture.expected(key));
    }
  }
}

package io.millrace.state.internal.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.millrace.state.BroadcastState;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.snapshot.CorruptSnapshotException;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.internal.snapshot.StateSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operator state for {@code CheckpointedFunction}: list state is split evenly on rescale (and
 * comes back unchanged at the same parallelism), union list state goes to every subtask whole,
 * broadcast state is copied to every subtask.
 */
class OperatorStateSnapshotTest {

  private static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Long.class);
  private static final ListStateDescriptor<String> SPLITS = new ListStateDescriptor<>("splits", String.class);
  private static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", String.class, Integer.class);

  /** Subtask {@code i} of {@code parallelism} holds offsets i*100 .. i*100 + i, splits "s<i>-*". */
  private static List<byte[]> snapshotsOf(int parallelism) throws Exception {
    List<byte[]> snapshots = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      HeapOperatorStateBackend backend = new HeapOperatorStateBackend("source@" + subtask, subtask, parallelism);
      ListState<Long> offsets = backend.getListState(OFFSETS);
      for (long offset = 0; offset <= subtask; offset++) {
        offsets.add(subtask * 100 + offset);
      }
      backend.getUnionListState(SPLITS).update(List.of("s" + subtask + "-a", "s" + subtask + "-b"));
      BroadcastState<String, Integer> rules = backend.getBroadcastState(RULES);
      rules.put("limit", 10);
      rules.put("window", 5);
      rules.put("absent", null);
      snapshots.add(write(backend.snapshot()));
    }
    return snapshots;
  }

  private static byte[] write(StateSnapshot snapshot) throws IOException {
    try (snapshot) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      snapshot.writeTo(out);
      return out.toByteArray();
    }
  }

  private static List<SnapshotInput> inputs(List<byte[]> snapshots) {
    List<SnapshotInput> inputs = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      inputs.add(SnapshotInput.ofBytes("operator-" + i, snapshots.get(i)));
    }
    return inputs;
  }

  private static HeapOperatorStateBackend restored(List<byte[]> snapshots, int subtask, int parallelism)
      throws IOException {
    HeapOperatorStateBackend backend = new HeapOperatorStateBackend("source@" + subtask, subtask, parallelism);
    backend.restore(inputs(snapshots));
    return backend;
  }

  private static <T> List<T> list(Iterable<T> elements) {
    List<T> list = new ArrayList<>();
    elements.forEach(list::add);
    return list;
  }

  private static Map<String, Integer> map(BroadcastState<String, Integer> state) throws Exception {
    Map<String, Integer> map = new HashMap<>();
    state.immutableEntries().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  @Test
  void atTheSameParallelismEverySubtaskGetsItsOwnListBack() throws Exception {
    List<byte[]> snapshots = snapshotsOf(3);

    for (int subtask = 0; subtask < 3; subtask++) {
      HeapOperatorStateBackend backend = restored(snapshots, subtask, 3);
      assertThat(backend.isRestored()).isTrue();
      List<Long> expected = new ArrayList<>();
      for (long offset = 0; offset <= subtask; offset++) {
        expected.add(subtask * 100 + offset);
      }
      assertThat(list(backend.getListState(OFFSETS).get())).isEqualTo(expected);
    }
  }

  @Test
  void listStateIsSplitEvenlyOnRescaleAndEveryElementLandsOnce() throws Exception {
    List<Long> all = List.of(0L, 100L, 101L, 200L, 201L, 202L);
    for (int[] rescale : new int[][] {{3, 2}, {3, 4}, {3, 1}}) {
      List<byte[]> snapshots = snapshotsOf(rescale[0]);
      List<Long> gathered = new ArrayList<>();
      for (int subtask = 0; subtask < rescale[1]; subtask++) {
        List<Long> share = list(restored(snapshots, subtask, rescale[1]).getListState(OFFSETS).get());
        assertThat(share.size()).isBetween(all.size() / rescale[1], all.size() / rescale[1] + 1);
        gathered.addAll(share);
      }
      assertThat(gathered).as("%d -> %d", rescale[0], rescale[1]).isEqualTo(all);
    }
  }

  @Test
  void unionListStateGivesEverySubtaskEverything() throws Exception {
    List<byte[]> snapshots = snapshotsOf(3);

    for (int subtask = 0; subtask < 2; subtask++) {
      assertThat(list(restored(snapshots, subtask, 2).getUnionListState(SPLITS).get()))
          .containsExactly("s0-a", "s0-b", "s1-a", "s1-b", "s2-a", "s2-b");
    }
  }

  @Test
  void broadcastStateIsCopiedToEverySubtaskOnScaleUpAndDown() throws Exception {
    for (int[] rescale : new int[][] {{3, 2}, {2, 5}}) {
      List<byte[]> snapshots = snapshotsOf(rescale[0]);
      for (int subtask = 0; subtask < rescale[1]; subtask++) {
        BroadcastState<String, Integer> rules = restored(snapshots, subtask, rescale[1]).getBroadcastState(RULES);
        assertThat(map(rules)).containsOnly(entry("limit", 10), entry("window", 5), entry("absent", null));
      }
    }
  }

  @Test
  void stateNotRequestedAfterARestoreIsWrittenBackUnchanged() throws Exception {
    List<byte[]> once = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      once.add(write(restored(snapshotsOf(2), subtask, 2).snapshot()));
    }

    HeapOperatorStateBackend twice = restored(once, 1, 2);
    assertThat(list(twice.getListState(OFFSETS).get())).containsExactly(100L, 101L);
    // Each subtask held the union (4 elements) and wrote it back: the next union has 2 x 4, as
    // in Flink — a function using union state keeps only its part after initializeState.
    assertThat(list(twice.getUnionListState(SPLITS).get())).hasSize(8);
    assertThat(map(twice.getBroadcastState(RULES))).hasSize(3);
  }

  @Test
  void changesAfterTheSynchronousPartAreNotInTheSnapshot() throws Exception {
    HeapOperatorStateBackend backend = new HeapOperatorStateBackend("sink@0", 0, 1);
    ListState<long[]> buffers = backend.getListState(new ListStateDescriptor<>("buffers", long[].class));
    long[] buffer = {1, 2};
    buffers.add(buffer);
    BroadcastState<String, Integer> rules = backend.getBroadcastState(RULES);
    rules.put("limit", 10);

    StateSnapshot snapshot = backend.snapshot();
    buffer[0] = 99;
    buffers.add(new long[] {3});
    rules.put("limit", 11);
    byte[] written = write(snapshot);

    HeapOperatorStateBackend restored = restored(List.of(written), 0, 1);
    List<long[]> restoredBuffers = list(restored.getListState(new ListStateDescriptor<>("buffers", long[].class)).get());
    assertThat(restoredBuffers).hasSize(1);
    assertThat(restoredBuffers.get(0)).containsExactly(1, 2);
    assertThat(restored.getBroadcastState(RULES).get("limit")).isEqualTo(10);
  }

  @Test
  void aStateRestoredAsOneKindCannotBeRequestedAsAnother() throws Exception {
    HeapOperatorStateBackend backend = restored(snapshotsOf(1), 0, 1);

    assertThatThrownBy(() -> backend.getUnionListState(OFFSETS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("operator state 'offsets' of source@0")
        .hasMessageContaining("it was a list state (getListState) and is now requested as a union list state");
  }

  @Test
  void anIncompatibleElementSerializerFailsNamingTheState() throws Exception {
    HeapOperatorStateBackend backend = restored(snapshotsOf(1), 0, 1);

    assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("offsets", String.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot restore operator state 'offsets' of source@0")
        .hasMessageContaining("element serializer is incompatible");
  }

  @Test
  void snapshotsOutOfOrderOrCorruptAreRejected() throws Exception {
    List<byte[]> snapshots = snapshotsOf(2);

    assertThatThrownBy(() -> restored(List.of(snapshots.get(1), snapshots.get(0)), 0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snapshot 0 of 2 was written by subtask 1 of 2");
    byte[] corrupt = snapshots.get(0).clone();
    corrupt[30] ^= 1;
    assertThatThrownBy(() -> restored(List.of(corrupt, snapshots.get(1)), 0, 2))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("operator-0")
        .hasMessageContaining("checksum mismatch");
    byte[] truncated = Arrays.copyOf(snapshots.get(1), snapshots.get(1).length - 2);
    assertThatThrownBy(() -> restored(List.of(snapshots.get(0), truncated), 0, 2))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("operator-1")
        .hasMessageContaining("truncated");
  }

  @Test
  void listStateHandlesFollowTheListStateContract() throws Exception {
    HeapOperatorStateBackend backend = new HeapOperatorStateBackend();
    ListState<Long> offsets = backend.getListState(OFFSETS);

    assertThat(offsets.get()).isEmpty();
    assertThat(backend.getListState(new ListStateDescriptor<>("offsets", Long.class))).isSameAs(offsets);
    offsets.addAll(List.of(1L, 2L));
    offsets.update(List.of(3L));
    assertThat(list(offsets.get())).containsExactly(3L);
    assertThatThrownBy(() -> offsets.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("operator state 'offsets'");
    assertThatThrownBy(() -> backend.getBroadcastState(new MapStateDescriptor<>("offsets", String.class, Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a list state");
    assertThat(backend.getRegisteredStateNames()).containsExactly("offsets");
    assertThat(backend.isRestored()).isFalse();
  }
}

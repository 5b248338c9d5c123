package io.millrace.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.snapshot.CorruptSnapshotException;
import io.millrace.state.internal.snapshot.SnapshotInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Snapshots that cannot be restored fail with an error naming the input and what is wrong —
 * never read as garbage: truncated, corrupted (checksums), foreign files, and sets of snapshots
 * that do not fit the restoring operator.
 */
class KeyedSnapshotFailureTest extends KeyedStateBackendTestBase {

  private static final int KEY_GROUPS = 128;

  /** A snapshot of subtask {@code subtask} of {@code parallelism} holding keys 0..99. */
  private byte[] snapshot(Backend kind, int parallelism, int subtask) throws Exception {
    KeyGroupRange range =
        KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(KEY_GROUPS, parallelism, subtask);
    KeyedStateBackend<Long> backend = open(kind, range, KEY_GROUPS, "counts@" + subtask);
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    for (long key = 0; key < 100; key++) {
      if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, KEY_GROUPS))) {
        backend.setCurrentKey(key);
        count.update(key);
      }
    }
    return SnapshotFixture.write(backend.snapshot());
  }

  private void restore(Backend kind, byte[]... snapshots) throws Exception {
    restore(kind, new KeyGroupRange(0, KEY_GROUPS - 1), snapshots);
  }

  private void restore(Backend kind, KeyGroupRange range, byte[]... snapshots) throws Exception {
    KeyedStateBackend<Long> backend = open(kind, range, KEY_GROUPS, "restored@0");
    backend.restore(SnapshotFixture.inputs(List.of(snapshots)));
  }

  /** The offset of key group {@code keyGroup}'s block, from the snapshot's index. */
  private static int blockOffset(byte[] snapshot, int keyGroup) {
    int indexOffset = (int) readLong(snapshot, snapshot.length - 12);
    int count = readInt(snapshot, indexOffset + 4 + 12);
    for (int i = 0; i < count; i++) {
      int entry = indexOffset + 4 + 16 + i * 16;
      if (readInt(snapshot, entry) == keyGroup) {
        return (int) readLong(snapshot, entry + 4);
      }
    }
    throw new AssertionError("no key group " + keyGroup);
  }

  private static int readInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
  }

  private static long readLong(byte[] bytes, int offset) {
    return ((long) readInt(bytes, offset) << 32) | (readInt(bytes, offset + 4) & 0xFFFFFFFFL);
  }

  private static byte[] flip(byte[] snapshot, int offset) {
    byte[] corrupt = snapshot.clone();
    corrupt[offset] ^= 0x40;
    return corrupt;
  }

  @OnEveryBackend
  void aCorruptKeyGroupFailsWithTheInputAndTheKeyGroup(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(7L, KEY_GROUPS);
    byte[] corrupt = flip(snapshot, blockOffset(snapshot, keyGroup) + 6);

    assertThatThrownBy(() -> restore(kind, corrupt))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("snapshot-0")
        .hasMessageContaining("checksum mismatch in the key group " + keyGroup + " section");
  }

  @OnEveryBackend
  void onlyTheOwnKeyGroupsAreRead(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(7L, KEY_GROUPS);
    byte[] corrupt = flip(snapshot, blockOffset(snapshot, keyGroup) + 6);
    KeyGroupRange others = keyGroup < 64 ? new KeyGroupRange(64, 127) : new KeyGroupRange(0, 63);

    KeyedStateBackend<Long> backend = open(kind, others, KEY_GROUPS, "restored@1");
    backend.restore(SnapshotFixture.inputs(List.of(corrupt)));
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    long restored = 0;
    for (long key = 0; key < 100; key++) {
      if (others.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, KEY_GROUPS))) {
        backend.setCurrentKey(key);
        assertThat(count.value()).isEqualTo(key);
        restored++;
      }
    }
    assertThat(restored).isPositive();
  }

  @OnEveryBackend
  void corruptMetadataFailsClearly(Backend kind) throws Exception {
    byte[] corrupt = flip(snapshot(kind, 1, 0), 20);

    assertThatThrownBy(() -> restore(kind, corrupt))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("snapshot-0")
        .hasMessageContaining("checksum mismatch in the metadata section");
  }

  @OnEveryBackend
  void truncatedSnapshotsFailAsTruncated(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    for (int length : new int[] {0, 5, 100, snapshot.length / 2, snapshot.length - 1}) {
      byte[] truncated = Arrays.copyOf(snapshot, length);
      assertThatThrownBy(() -> restore(kind, truncated))
          .as("%d of %d bytes", length, snapshot.length)
          .isInstanceOf(CorruptSnapshotException.class)
          .hasMessageContaining("snapshot-0")
          .hasMessageContaining("truncated");
    }
  }

  @OnEveryBackend
  void aTruncatedFileIsNamedByItsPath(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    Path file = localDirectory.resolve("chk-3-keyed-0");
    Files.write(file, Arrays.copyOf(snapshot, snapshot.length - 3));
    KeyedStateBackend<Long> backend = open(kind);

    try (SnapshotInput input = SnapshotInput.ofFile(file)) {
      assertThatThrownBy(() -> backend.restore(List.of(input)))
          .isInstanceOf(CorruptSnapshotException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("truncated");
    }
  }

  @OnEveryBackend
  void aFileThatIsNoKeyedSnapshotIsRejected(Backend kind) throws Exception {
    byte[] text = "just some text that is long enough to have a header and footer".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> restore(kind, text))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining("not a keyed state snapshot");
  }

  @OnEveryBackend
  void aMissingSubtaskSnapshotIsNamedByItsKeyGroup(Backend kind) throws Exception {
    byte[] first = snapshot(kind, 2, 0);

    assertThatThrownBy(() -> restore(kind, first))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key group 64")
        .hasMessageContaining("is in none of the snapshots")
        .hasMessageContaining("restored@0");
  }

  @OnEveryBackend
  void aSnapshotPassedTwiceIsRejected(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);

    assertThatThrownBy(() -> restore(kind, snapshot, snapshot))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key group 0 is in both snapshot-0 and snapshot-1");
  }

  @OnEveryBackend
  void anotherMaxParallelismIsRejected(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    KeyedStateBackend<Long> backend = open(kind, new KeyGroupRange(0, 255), 256, "wide@0");

    assertThatThrownBy(() -> backend.restore(SnapshotFixture.inputs(List.of(snapshot))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max parallelism 128")
        .hasMessageContaining("now has 256");
  }

  @OnEveryBackend
  void restoreComesBeforeAnyUse(Backend kind) throws Exception {
    byte[] snapshot = snapshot(kind, 1, 0);
    KeyedStateBackend<Long> backend = open(kind);
    backend.setCurrentKey(1L);

    assertThatThrownBy(() -> backend.restore(SnapshotFixture.inputs(List.of(snapshot))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("can only restore before it is used");
  }
}

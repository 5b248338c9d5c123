package io.millrace.state.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.snapshot.CorruptSnapshotException;
import io.millrace.state.internal.snapshot.MetaFile;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental native checkpoints: hard-linked SST files that a runtime shares between
 * checkpoints, and restores from them at the same parallelism.
 */
class RocksDBNativeCheckpointTest {

  private static final int KEYS = 4_000;
  private static final String PAYLOAD = "x".repeat(100);

  @TempDir Path localDirectory;
  @TempDir Path checkpoints;
  private final AtomicLong clock = new AtomicLong();
  private final List<RocksDBKeyedStateBackend<?>> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(RocksDBKeyedStateBackend::close);
  }

  private EmbeddedRocksDBStateBackend config() {
    return new EmbeddedRocksDBStateBackend().setLocalDirectory(localDirectory);
  }

  private RocksDBKeyedStateBackend<Long> open(KeyGroupRange range) {
    RocksDBKeyedStateBackend<Long> backend =
        new RocksDBKeyedStateBackend<>(config(), range, 128, "totals@0", clock::get);
    opened.add(backend);
    return backend;
  }

  private RocksDBKeyedStateBackend<Long> restore(Path checkpoint) throws IOException {
    RocksDBKeyedStateBackend<Long> backend =
        RocksDBKeyedStateBackend.restoreFromNativeCheckpoint(
            config(), new KeyGroupRange(0, 127), 128, "totals@0", clock::get, checkpoint);
    opened.add(backend);
    return backend;
  }

  /** Value, list and map state of one backend. */
  private record States(ValueState<String> value, ListState<Long> list, MapState<Long, String> map) {
    static States of(RocksDBKeyedStateBackend<Long> backend) {
      return new States(
          backend.getOrCreateKeyedState(new ValueStateDescriptor<>("value", String.class)),
          backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", Long.class)),
          backend.getOrCreateKeyedState(new MapStateDescriptor<>("map", Long.class, String.class)));
    }
  }

  private static long sizeOf(Path directory, List<String> files) throws IOException {
    long size = 0;
    for (String file : files) {
      size += Files.size(directory.resolve(file));
    }
    return size;
  }

  @Test
  void aSecondCheckpointAfterSmallChangesSharesMostSstFilesAndRestoresExactly() throws Exception {
    RocksDBKeyedStateBackend<Long> backend = open(new KeyGroupRange(0, 127));
    States states = States.of(backend);
    for (long key = 0; key < KEYS; key++) {
      backend.setCurrentKey(key);
      states.value().update(PAYLOAD + key);
      states.list().update(List.of(key, -key));
      states.map().put(key, PAYLOAD);
    }
    NativeCheckpoint first = backend.createNativeCheckpoint(checkpoints.resolve("chk-1"));
    for (long key = 0; key < 10; key++) {
      backend.setCurrentKey(key);
      states.value().update("changed" + key);
    }
    NativeCheckpoint second = backend.createNativeCheckpoint(checkpoints.resolve("chk-2"));

    assertThat(first.sstFiles()).hasSize(3); // one per state, flushed by the checkpoint
    assertThat(second.sstFiles()).containsAll(first.sstFiles());
    List<String> added = new ArrayList<>(second.sstFiles());
    added.removeAll(first.sstFiles());
    assertThat(added).hasSize(1);
    long firstSize = sizeOf(first.directory(), first.sstFiles());
    assertThat(sizeOf(second.directory(), added)).isLessThan(firstSize / 20);
    assertThat(second.otherFiles()).contains(MetaFile.NAME, "CURRENT");
    for (String file : first.sstFiles()) {
      assertThat(Files.isSameFile(first.directory().resolve(file), second.directory().resolve(file)))
          .as("%s is one file, hard-linked into both checkpoints", file)
          .isTrue();
    }

    backend.setCurrentKey(0L);
    states.value().update("after the checkpoint");
    backend.close();
    for (NativeCheckpoint checkpoint : List.of(second, first)) {
      RocksDBKeyedStateBackend<Long> restored = restore(checkpoint.directory());
      States read = States.of(restored);
      for (long key = 0; key < KEYS; key++) {
        restored.setCurrentKey(key);
        String value = checkpoint == second && key < 10 ? "changed" + key : PAYLOAD + key;
        assertThat(read.value().value()).isEqualTo(value);
        assertThat(read.list().get()).containsExactly(key, -key);
        assertThat(read.map().get(key)).isEqualTo(PAYLOAD);
      }
      assertThat(restored.numStateEntries()).isEqualTo(3 * KEYS);
    }
  }

  @Test
  void aNativeCheckpointRestoresOnlyAtTheSameKeyGroups() throws Exception {
    RocksDBKeyedStateBackend<Long> backend = open(new KeyGroupRange(0, 63));
    States.of(backend);
    NativeCheckpoint checkpoint = backend.createNativeCheckpoint(checkpoints.resolve("chk-1"));

    assertThatThrownBy(() -> restore(checkpoint.directory()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KeyGroupRange[0..63] of 128")
        .hasMessageContaining("restore from a savepoint (a full snapshot) to rescale");
  }

  @Test
  void aDirectoryWithoutTheMetadataIsNoCheckpoint() throws Exception {
    Path empty = Files.createDirectory(checkpoints.resolve("chk-9"));

    assertThatThrownBy(() -> restore(empty))
        .isInstanceOf(CorruptSnapshotException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining(MetaFile.NAME);
  }

  @Test
  void restoredStatesStayUntilRegisteredAndGoIntoTheNextCheckpoint() throws Exception {
    RocksDBKeyedStateBackend<Long> backend = open(new KeyGroupRange(0, 127));
    States states = States.of(backend);
    backend.setCurrentKey(1L);
    states.value().update("one");
    NativeCheckpoint first = backend.createNativeCheckpoint(checkpoints.resolve("chk-1"));

    RocksDBKeyedStateBackend<Long> middle = restore(first.directory());
    NativeCheckpoint second = middle.createNativeCheckpoint(checkpoints.resolve("chk-2"));
    assertThat(second.meta().states()).extracting(s -> s.name()).containsExactly("value", "list", "map");

    RocksDBKeyedStateBackend<Long> last = restore(second.directory());
    States read = States.of(last);
    last.setCurrentKey(1L);
    assertThat(read.value().value()).isEqualTo("one");
  }
}

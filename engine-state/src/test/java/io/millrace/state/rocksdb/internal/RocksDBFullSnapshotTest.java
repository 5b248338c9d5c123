package io.millrace.state.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full snapshot holds a RocksDB snapshot from its synchronous part until it is closed. */
class RocksDBFullSnapshotTest {

  @TempDir Path localDirectory;
  private RocksDBKeyedStateBackend<Long> backend;

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
  }

  private long nativeSnapshots() {
    return backend.db.longProperty("rocksdb.num-snapshots");
  }

  @Test
  void theNativeSnapshotLivesFromTheSynchronousPartUntilClose() throws Exception {
    backend =
        new RocksDBKeyedStateBackend<>(
            new EmbeddedRocksDBStateBackend().setLocalDirectory(localDirectory),
            new KeyGroupRange(0, 127), 128, "count@0", () -> 0L);
    ValueState<Long> count = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
    backend.setCurrentKey(1L);
    count.update(1L);

    KeyedStateSnapshot written = backend.snapshot();
    KeyedStateSnapshot aborted = backend.snapshot();
    assertThat(nativeSnapshots()).isEqualTo(2);
    written.writeTo(new ByteArrayOutputStream());
    assertThat(nativeSnapshots()).as("still held after writing, until closed").isEqualTo(2);
    written.close();
    aborted.close();
    assertThat(nativeSnapshots()).isZero();

    backend.snapshot(); // never closed: the backend's close releases it before closing RocksDB
    assertThat(nativeSnapshots()).isEqualTo(1);
  }
}

package io.millrace.state.rocksdb.internal;

import io.millrace.state.internal.snapshot.KeyedSnapshotMeta;
import java.nio.file.Path;
import java.util.List;

/**
 * A native (incremental) checkpoint of a {@link RocksDBKeyedStateBackend}, made by
 * {@link RocksDBKeyedStateBackend#createNativeCheckpoint}: a directory holding RocksDB's files
 * and the state metadata.
 *
 * <p>SST files are immutable and their names unique within one backend's database, so a name
 * in {@link #sstFiles()} of two checkpoints of one backend is one file: a runtime keeps one copy
 * per name (e.g. in a {@code shared/} folder, reference-counted over the retained checkpoints)
 * and writes only the names the previous checkpoint did not have. The {@link #otherFiles()}
 * (RocksDB's MANIFEST, CURRENT and OPTIONS files, and the metadata file) are small and change
 * every time. To restore, put every file of both lists into one directory and call
 * {@link RocksDBKeyedStateBackend#restoreFromNativeCheckpoint}.
 *
 * @param directory where the checkpoint was created
 * @param sstFiles the names of its SST files, sorted
 * @param otherFiles the names of its other files, sorted
 * @param meta the key serializer and states it holds
 */
public record NativeCheckpoint(
    Path directory, List<String> sstFiles, List<String> otherFiles, KeyedSnapshotMeta meta) {

  /** Copies the lists. */
  public NativeCheckpoint {
    sstFiles = List.copyOf(sstFiles);
    otherFiles = List.copyOf(otherFiles);
  }
}

package io.millrace.state.rocksdb;

import io.millrace.state.StateBackend;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Keeps keyed state in an embedded RocksDB database on local disk, one database per operator
 * subtask: state can be far larger than the heap, at the cost of serializing keys and values on
 * every access. Keys are laid out as key group, key, namespace, so that the state of a key-group
 * range is one contiguous scan.
 *
 * <pre>{@code
 * env.setStateBackend(new EmbeddedRocksDBStateBackend(true)
 *     .setLocalDirectory(Path.of("/var/lib/myapp/state"))
 *     .setMemoryPerSlot(256L << 20));
 * }</pre>
 *
 * <p><b>Memory.</b> Each subtask's database gets a block cache and write buffers. With
 * {@link #setMemoryPerSlot} (the default: 128 MiB) both are carved out of one budget per subtask —
 * the write buffers are charged to the block cache, so the total stays within the budget; set it
 * to 0 to size them separately with {@link #setBlockCacheSize} and {@link #setWriteBufferSize}.
 *
 * <p><b>Files.</b> Databases live in {@code <local directory>/millrace-rocksdb-<uuid>/} and are
 * deleted when the subtask ends, normally or by failure. The default local directory is
 * {@code java.io.tmpdir}.
 *
 * <p>Instances are mutable configuration objects; the runtime reads them when a job starts.
 */
public final class EmbeddedRocksDBStateBackend implements StateBackend {
  private static final long serialVersionUID = 1L;

  /** The default memory budget of one subtask's database: 128 MiB. */
  public static final long DEFAULT_MEMORY_PER_SLOT = 128L << 20;

  private final boolean incrementalCheckpoints;
  private String localDirectory;
  private long memoryPerSlot = DEFAULT_MEMORY_PER_SLOT;
  private long blockCacheSize = 8L << 20;
  private long writeBufferSize = 64L << 20;
  private int maxWriteBufferNumber = 2;

  /** A backend with incremental checkpoints. */
  public EmbeddedRocksDBStateBackend() {
    this(true);
  }

  /**
   * @param incrementalCheckpoints whether checkpoints upload only the files that changed since
   *     the previous one (savepoints are always complete)
   */
  public EmbeddedRocksDBStateBackend(boolean incrementalCheckpoints) {
    this.incrementalCheckpoints = incrementalCheckpoints;
  }

  /** Whether checkpoints are incremental. */
  public boolean isIncrementalCheckpointsEnabled() {
    return incrementalCheckpoints;
  }

  /**
   * Where the databases are created. It must exist or be creatable, and be writable; this is
   * checked when a keyed operator opens, and a failure names the directory.
   *
   * @throws NullPointerException if {@code directory} is null
   */
  public EmbeddedRocksDBStateBackend setLocalDirectory(Path directory) {
    this.localDirectory = Objects.requireNonNull(directory, "directory must not be null").toString();
    return this;
  }

  /** The directory of the databases: the one set, else {@code java.io.tmpdir}. */
  public Path getLocalDirectory() {
    return Path.of(localDirectory != null ? localDirectory : System.getProperty("java.io.tmpdir"));
  }

  /**
   * The memory budget of one subtask's database (block cache and write buffers together), or 0
   * to size them separately. The budget must leave at least 1 MiB per state (column family).
   *
   * @throws IllegalArgumentException if {@code bytes} is negative or between 0 and 1 MiB
   */
  public EmbeddedRocksDBStateBackend setMemoryPerSlot(long bytes) {
    if (bytes < 0 || (bytes > 0 && bytes < (1L << 20))) {
      throw new IllegalArgumentException(
          "memory per slot must be 0 (sized separately) or at least 1 MiB, got " + bytes + " bytes");
    }
    this.memoryPerSlot = bytes;
    return this;
  }

  /** The memory budget per subtask, 0 if block cache and write buffers are sized separately. */
  public long getMemoryPerSlot() {
    return memoryPerSlot;
  }

  /**
   * The block cache of one subtask's database when {@link #getMemoryPerSlot()} is 0.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public EmbeddedRocksDBStateBackend setBlockCacheSize(long bytes) {
    this.blockCacheSize = positive(bytes, "block cache size");
    return this;
  }

  /** The block cache size used when the memory is not budgeted per slot. */
  public long getBlockCacheSize() {
    return blockCacheSize;
  }

  /**
   * The size of one write buffer (memtable) per state when {@link #getMemoryPerSlot()} is 0.
   *
   * @throws IllegalArgumentException if {@code bytes} is not positive
   */
  public EmbeddedRocksDBStateBackend setWriteBufferSize(long bytes) {
    this.writeBufferSize = positive(bytes, "write buffer size");
    return this;
  }

  /** The write buffer size used when the memory is not budgeted per slot. */
  public long getWriteBufferSize() {
    return writeBufferSize;
  }

  /**
   * How many write buffers a state may fill before writes wait for a flush.
   *
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public EmbeddedRocksDBStateBackend setMaxWriteBufferNumber(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("max write buffer number must be at least 1, got " + count);
    }
    this.maxWriteBufferNumber = count;
    return this;
  }

  /** How many write buffers a state may fill. */
  public int getMaxWriteBufferNumber() {
    return maxWriteBufferNumber;
  }

  private static long positive(long bytes, String what) {
    if (bytes <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + bytes + " bytes");
    }
    return bytes;
  }

  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public String toString() {
    return "EmbeddedRocksDBStateBackend{incremental=" + incrementalCheckpoints + ", localDirectory="
        + getLocalDirectory() + ", memoryPerSlot=" + memoryPerSlot + "}";
  }
}

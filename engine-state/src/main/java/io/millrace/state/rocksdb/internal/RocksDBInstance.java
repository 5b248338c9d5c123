package io.millrace.state.rocksdb.internal;

import io.millrace.state.internal.snapshot.SnapshotFormat;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.Status;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB database of one {@link RocksDBKeyedStateBackend} (one operator subtask): its
 * directory, every native object it needs, one column family per state, and the reads and
 * writes the state handles make — with {@link RocksDBException}s turned into unchecked
 * exceptions that name the operator, the state, the directory and RocksDB's status.
 *
 * <p><b>Options.</b> Writes skip the write-ahead log: a subtask's database is scratch space,
 * made durable by checkpoints (as in Apache Flink), and deleted when the subtask ends. One LRU
 * block cache serves all column families. With a memory budget per slot
 * ({@link EmbeddedRocksDBStateBackend#getMemoryPerSlot()} &gt; 0) the cache is the size of the
 * budget and a {@link WriteBufferManager} charges the memtables to it, so that block cache and
 * write buffers together stay within the budget; half of it goes to write buffers, split evenly
 * over the states (re-derived when the number of states passes a power of two). Without
 * a budget the configured block cache size, write buffer size and number apply. RocksDB's info
 * LOG keeps only its header and never dumps statistics.
 *
 * <p><b>Lifecycle.</b> {@link #open} loads the native library (once per JVM), creates
 * {@code <local directory>/millrace-rocksdb-<uuid>} and opens the database. Every native object
 * is recorded as it is created; {@link #close()} closes them in reverse order — column family
 * handles, database, options, write buffer manager, cache — and deletes the directory. A
 * construction that fails halfway does the same before rethrowing, so nothing stays open.
 * {@link #openFromCheckpoint} opens a copy of a native checkpoint instead of an empty database.
 *
 * <p><b>Threads.</b> Confined to the subtask's thread, like the backend — except the readers of
 * native snapshots ({@link #takeSnapshot}), which run on the threads of asynchronous snapshot
 * parts: they enter and exit around their reads, and {@link #close()} stops them (they see
 * {@link #isClosing()} and leave) and releases every snapshot before it frees anything.
 */
final class RocksDBInstance implements AutoCloseable {

  /**
   * The list state's element delimiter, appended by the merge operator between operands; the
   * keyed snapshot format uses the same, so list values are copied as they are.
   */
  static final char LIST_DELIMITER = (char) SnapshotFormat.LIST_DELIMITER;

  /** What a memory budget must leave per state (column family). */
  static final long MIN_MEMORY_PER_STATE = 1L << 20;

  /** The smallest write buffer a state gets, however many states share the budget. */
  static final long MIN_WRITE_BUFFER_SIZE = 64L << 10;

  /** The size of the write batches that delete a map's entries. */
  private static final int DELETE_BATCH_SIZE = 1024;

  private static boolean libraryLoaded;

  final Path directory;
  final String operatorDescription;
  private final long memoryPerSlot;
  private final int maxWriteBufferNumber;
  private final Consumer<AutoCloseable> onOpen;

  /** Every native object, in the order of creation; closed in reverse. */
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();
  private final List<ColumnFamilyHandle> columnFamilies = new ArrayList<>();

  private ColumnFamilyOptions columnFamilyOptions;
  private ReadOptions readOptions;
  private WriteOptions writeOptions;
  private RocksDB db;
  private boolean closed;
  /** The write buffer size the column families have under a memory budget. */
  private long appliedWriteBufferSize;
  /** Column families found when the database was opened from a checkpoint, by state name. */
  private final Map<String, ColumnFamilyHandle> restoredColumnFamilies = new LinkedHashMap<>();

  /**
   * Guards the native snapshots and the readers of snapshots that run on other threads
   * (asynchronous snapshot parts) against {@link #close()}: close sets {@link #closing}, waits
   * until no reader is inside, and releases the snapshots still open before it closes the
   * database, so native memory is never used after it is freed.
   */
  private final Object snapshotLock = new Object();
  /** Guarded by {@link #snapshotLock}. */
  private int activeSnapshotReaders;
  /** Guarded by {@link #snapshotLock}: native snapshots not yet released. */
  private final Set<Snapshot> openSnapshots = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Set under {@link #snapshotLock} by close; read without it by readers, between entries. */
  private volatile boolean closing;

  private RocksDBInstance(
      Path directory, String operatorDescription, EmbeddedRocksDBStateBackend config,
      Consumer<AutoCloseable> onOpen) {
    this.directory = directory;
    this.operatorDescription = operatorDescription;
    this.memoryPerSlot = config.getMemoryPerSlot();
    this.maxWriteBufferNumber = config.getMaxWriteBufferNumber();
    this.onOpen = onOpen;
  }

  /**
   * Opens a database in a new directory under {@code config}'s local directory.
   *
   * @param onOpen told of every native object right after its creation (tests inject failures
   *     there); a no-op in production
   * @throws IllegalStateException if the native library cannot be loaded, the local directory
   *     cannot be created or written, or RocksDB cannot open; nothing is left open then
   */
  static RocksDBInstance open(
      EmbeddedRocksDBStateBackend config, String operatorDescription,
      Consumer<AutoCloseable> onOpen) {
    loadNativeLibrary(operatorDescription);
    Path directory = createDirectory(config.getLocalDirectory(), operatorDescription);
    RocksDBInstance instance = new RocksDBInstance(directory, operatorDescription, config, onOpen);
    try {
      instance.openDatabase(config);
    } catch (RuntimeException | Error e) {
      try {
        instance.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return instance;
  }

  /**
   * Opens a database in a new directory under {@code config}'s local directory holding a copy
   * of the native checkpoint in {@code checkpoint} (SST files hard-linked where the file system
   * allows, else copied; the other files copied; files not written by RocksDB skipped), with
   * every column family the checkpoint has ({@link #restoredColumnFamilies()}). The checkpoint
   * directory is not changed.
   *
   * @throws IllegalStateException as {@link #open}, or if the checkpoint cannot be copied or
   *     opened; nothing is left open then
   */
  static RocksDBInstance openFromCheckpoint(
      EmbeddedRocksDBStateBackend config, String operatorDescription,
      Consumer<AutoCloseable> onOpen, Path checkpoint) {
    loadNativeLibrary(operatorDescription);
    Path directory = createDirectory(config.getLocalDirectory(), operatorDescription);
    RocksDBInstance instance = new RocksDBInstance(directory, operatorDescription, config, onOpen);
    try {
      instance.copyCheckpoint(checkpoint);
      instance.openDatabase(config, instance.listColumnFamilies());
    } catch (RuntimeException | Error e) {
      try {
        instance.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return instance;
  }

  private void copyCheckpoint(Path checkpoint) {
    try (Stream<Path> files = Files.list(checkpoint)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || !isRocksDbFile(name)) {
          continue;
        }
        Path target = directory.resolve(name);
        if (name.endsWith(".sst")) {
          try {
            Files.createLink(target, file);
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // another file system, or no hard links: copy below
          }
        }
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot copy the RocksDB checkpoint " + checkpoint + " of " + operatorDescription
              + " into " + directory + ": " + e, e);
    }
  }

  /** Whether RocksDB wrote a file of this name into a checkpoint. */
  static boolean isRocksDbFile(String name) {
    return name.endsWith(".sst") || name.endsWith(".log") || name.equals("CURRENT")
        || name.startsWith("MANIFEST-") || name.startsWith("OPTIONS-");
  }

  private List<String> listColumnFamilies() {
    try (Options options = new Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
        if (!Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
          names.add(new String(name, StandardCharsets.UTF_8));
        }
      }
      return names;
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          "cannot read the column families of the RocksDB checkpoint copied into " + directory
              + " for " + operatorDescription + ": " + statusMessage(e), e);
    }
  }

  /** The column families opened with the database, by state name; empty unless restored. */
  Map<String, ColumnFamilyHandle> restoredColumnFamilies() {
    return restoredColumnFamilies;
  }

  private static synchronized void loadNativeLibrary(String operatorDescription) {
    if (libraryLoaded) {
      return;
    }
    try {
      RocksDB.loadLibrary();
    } catch (LinkageError | RuntimeException e) {
      throw nativeLibraryError(operatorDescription, e);
    }
    libraryLoaded = true;
  }

  /** The error when RocksDB's native library cannot be loaded: the cause and both fixes. */
  static IllegalStateException nativeLibraryError(String operatorDescription, Throwable cause) {
    return new IllegalStateException(
        "cannot use the RocksDB state backend for " + operatorDescription
            + ": RocksDB's native library (rocksdbjni) failed to load on "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + cause
            + "); use HashMapStateBackend (env.setStateBackend(new HashMapStateBackend())), or run"
            + " on a platform rocksdbjni supports (Linux x86-64, aarch64, ppc64le or s390x with"
            + " glibc or musl, macOS, Windows x64) with a java.io.tmpdir that allows executing"
            + " the extracted library (or set ROCKSDB_SHAREDLIB_DIR)",
        cause);
  }

  private static Path createDirectory(Path localDirectory, String operatorDescription) {
    String fix = ": choose an existing writable directory with"
        + " EmbeddedRocksDBStateBackend.setLocalDirectory(...)";
    try {
      Files.createDirectories(localDirectory);
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException(
          "the RocksDB local directory " + localDirectory + " of " + operatorDescription
              + " does not exist and cannot be created (" + e + ")" + fix, e);
    }
    if (!Files.isWritable(localDirectory)) {
      throw new IllegalStateException(
          "the RocksDB local directory " + localDirectory + " of " + operatorDescription
              + " is not writable" + fix);
    }
    Path directory = localDirectory.resolve("millrace-rocksdb-" + UUID.randomUUID());
    try {
      return Files.createDirectory(directory);
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException(
          "cannot create " + directory + " for the RocksDB state of " + operatorDescription
              + " (" + e + ")" + fix, e);
    }
  }

  private <T extends AutoCloseable> T register(T resource) {
    opened.push(resource);
    onOpen.accept(resource);
    return resource;
  }

  private void openDatabase(EmbeddedRocksDBStateBackend config) {
    openDatabase(config, List.of());
  }

  /** Opens the database with the default column family and one per name in {@code states}. */
  private void openDatabase(EmbeddedRocksDBStateBackend config, List<String> states) {
    boolean budgeted = memoryPerSlot > 0;
    Cache cache =
        register(
            budgeted
                ? new LRUCache(memoryPerSlot, -1, false, 0.1)
                : new LRUCache(config.getBlockCacheSize()));
    WriteBufferManager writeBufferManager =
        budgeted ? register(new WriteBufferManager(memoryPerSlot / 2, cache)) : null;
    StringAppendOperator mergeOperator = register(new StringAppendOperator(LIST_DELIMITER));
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
    if (budgeted) {
      // Index and filter blocks count against the budget too, ahead of data blocks.
      table
          .setCacheIndexAndFilterBlocks(true)
          .setCacheIndexAndFilterBlocksWithHighPriority(true)
          .setPinL0FilterAndIndexBlocksInCache(true);
    }
    columnFamilyOptions =
        register(new ColumnFamilyOptions())
            .setMergeOperator(mergeOperator)
            .setTableFormatConfig(table)
            .setMaxWriteBufferNumber(maxWriteBufferNumber)
            .setWriteBufferSize(
                budgeted ? writeBufferSize(Math.max(1, states.size())) : config.getWriteBufferSize());
    appliedWriteBufferSize = budgeted ? writeBufferSize(Math.max(1, states.size())) : -1;
    DBOptions dbOptions =
        register(new DBOptions())
            .setCreateIfMissing(true)
            .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
            .setStatsDumpPeriodSec(0)
            .setStatsPersistPeriodSec(0)
            .setKeepLogFileNum(1)
            .setMaxLogFileSize(1L << 20)
            .setAvoidFlushDuringShutdown(true)
            .setUseFsync(false);
    if (writeBufferManager != null) {
      dbOptions.setWriteBufferManager(writeBufferManager);
    }
    readOptions = register(new ReadOptions());
    writeOptions = register(new WriteOptions().setDisableWAL(true));
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(states.size() + 1);
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnFamilyOptions));
    for (String state : states) {
      descriptors.add(
          new ColumnFamilyDescriptor(state.getBytes(StandardCharsets.UTF_8), columnFamilyOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>(descriptors.size());
    try {
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          "cannot open RocksDB for the state of " + operatorDescription + " in " + directory + ": "
              + statusMessage(e), e);
    }
    register(db);
    for (ColumnFamilyHandle handle : handles) {
      register(handle);
    }
    for (int i = 0; i < states.size(); i++) {
      ColumnFamilyHandle handle = handles.get(i + 1);
      columnFamilies.add(handle);
      restoredColumnFamilies.put(states.get(i), handle);
    }
  }

  /**
   * The write buffer size of each of {@code states} states under the memory budget: the
   * budget's write-buffer half split over the states, rounded up to a power of two, so that the
   * size changes (and every column family is resized) only when the number of states passes a
   * power of two — O(log n) option changes for n states, each of which rewrites RocksDB's
   * OPTIONS file.
   */
  private long writeBufferSize(int states) {
    int rounded = states <= 1 ? 1 : Integer.highestOneBit(states - 1) << 1;
    return Math.max(MIN_WRITE_BUFFER_SIZE, memoryPerSlot / 2 / maxWriteBufferNumber / rounded);
  }

  /**
   * Creates the column family of a state, the {@code stateCount}-th of the backend.
   *
   * @throws IllegalStateException if the memory budget leaves less than 1 MiB per state, or
   *     RocksDB fails
   */
  ColumnFamilyHandle createColumnFamily(String stateName, int stateCount) {
    return createColumnFamilies(List.of(stateName), stateCount).get(0);
  }

  /**
   * Creates the column families of the states {@code stateNames} at once (one write of
   * RocksDB's MANIFEST), which make the backend's state count {@code stateCount}.
   *
   * @throws IllegalStateException if the memory budget leaves less than 1 MiB per state, or
   *     RocksDB fails
   */
  List<ColumnFamilyHandle> createColumnFamilies(List<String> stateNames, int stateCount) {
    if (stateNames.isEmpty()) {
      return List.of();
    }
    String last = stateNames.get(stateNames.size() - 1);
    checkOpen(last);
    boolean budgeted = memoryPerSlot > 0;
    if (budgeted && memoryPerSlot / stateCount < MIN_MEMORY_PER_STATE) {
      throw new IllegalStateException(
          "state '" + last + "' of " + operatorDescription + " would be state number "
              + stateCount + " in a RocksDB memory budget of " + memoryPerSlot
              + " bytes per slot, which must leave at least 1 MiB per state: raise"
              + " EmbeddedRocksDBStateBackend.setMemoryPerSlot(...), or set it to 0 and size"
              + " the block cache and write buffers separately");
    }
    try {
      long writeBufferSize = budgeted ? writeBufferSize(stateCount) : -1;
      if (budgeted) {
        columnFamilyOptions.setWriteBufferSize(writeBufferSize);
      }
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(stateNames.size());
      for (String stateName : stateNames) {
        descriptors.add(
            new ColumnFamilyDescriptor(stateName.getBytes(StandardCharsets.UTF_8), columnFamilyOptions));
      }
      List<ColumnFamilyHandle> handles = db.createColumnFamilies(descriptors);
      for (ColumnFamilyHandle handle : handles) {
        register(handle);
      }
      if (budgeted && writeBufferSize != appliedWriteBufferSize) {
        MutableColumnFamilyOptions resized =
            MutableColumnFamilyOptions.builder().setWriteBufferSize(writeBufferSize).build();
        for (ColumnFamilyHandle existing : columnFamilies) {
          db.setOptions(existing, resized);
        }
        appliedWriteBufferSize = writeBufferSize;
      }
      columnFamilies.addAll(handles);
      return handles;
    } catch (RocksDBException e) {
      throw failure("create the column family of", last, e);
    }
  }

  // ---- reads and writes of the states; the key is bytes [0, keyLength) of key ----

  /** The value stored under the key, or {@code null}. */
  byte[] get(ColumnFamilyHandle columnFamily, byte[] key, int keyLength, String stateName) {
    try {
      return db.get(columnFamily, readOptions, key, 0, keyLength);
    } catch (RocksDBException e) {
      throw failure("read", stateName, e);
    }
  }

  void put(
      ColumnFamilyHandle columnFamily, byte[] key, int keyLength, byte[] value, int valueLength,
      String stateName) {
    try {
      db.put(columnFamily, writeOptions, key, 0, keyLength, value, 0, valueLength);
    } catch (RocksDBException e) {
      throw failure("write", stateName, e);
    }
  }

  /** Appends {@code value} to the stored value with the list delimiter (the merge operator). */
  void merge(
      ColumnFamilyHandle columnFamily, byte[] key, int keyLength, byte[] value, int valueLength,
      String stateName) {
    try {
      db.merge(columnFamily, writeOptions, key, 0, keyLength, value, 0, valueLength);
    } catch (RocksDBException e) {
      throw failure("append to", stateName, e);
    }
  }

  void delete(ColumnFamilyHandle columnFamily, byte[] key, int keyLength, String stateName) {
    try {
      db.delete(columnFamily, writeOptions, key, 0, keyLength);
    } catch (RocksDBException e) {
      throw failure("delete from", stateName, e);
    }
  }

  /** Writes {@code keys} and {@code values} (pairwise) in one batch. */
  void putAll(
      ColumnFamilyHandle columnFamily, List<byte[]> keys, List<byte[]> values, String stateName) {
    try (WriteBatch batch = new WriteBatch()) {
      for (int i = 0; i < keys.size(); i++) {
        batch.put(columnFamily, keys.get(i), values.get(i));
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failure("write", stateName, e);
    }
  }

  /** Deletes every entry whose key starts with {@code prefix}, in batches. */
  void deletePrefix(ColumnFamilyHandle columnFamily, byte[] prefix, String stateName) {
    try (RocksIterator iterator = db.newIterator(columnFamily, readOptions);
        WriteBatch batch = new WriteBatch()) {
      for (iterator.seek(prefix); iterator.isValid(); iterator.next()) {
        byte[] key = iterator.key();
        if (!startsWith(key, prefix)) {
          break;
        }
        batch.delete(columnFamily, key);
        if (batch.count() == DELETE_BATCH_SIZE) {
          db.write(writeOptions, batch);
          batch.clear();
        }
      }
      iterator.status();
      if (batch.count() > 0) {
        db.write(writeOptions, batch);
      }
    } catch (RocksDBException e) {
      throw failure("clear", stateName, e);
    }
  }

  /** Applies {@code batch} (a restore's or a migration's writes) atomically. */
  void write(WriteBatch batch, String stateName) {
    checkOpen(stateName);
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failure("write", stateName, e);
    }
  }

  /**
   * Creates a native checkpoint in {@code target} (which must not exist; its parent must):
   * flushes the memtables, then hard-links the live SST files and copies the small files that
   * describe them. Subtask thread only.
   *
   * @throws IllegalStateException if RocksDB fails (e.g. {@code target} exists, or no space)
   */
  void createCheckpoint(Path target) {
    checkOpen("(all states)");
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    } catch (RocksDBException e) {
      throw new IllegalStateException(
          "RocksDB could not create a checkpoint of " + operatorDescription + " in " + target
              + ": " + statusMessage(e), e);
    }
  }

  // ---- snapshots read by other threads ----

  /** Takes a native snapshot: a consistent view for readers on any thread. */
  Snapshot takeSnapshot() {
    checkOpen("(all states)");
    Snapshot snapshot = db.getSnapshot();
    synchronized (snapshotLock) {
      openSnapshots.add(snapshot);
    }
    return snapshot;
  }

  /** Releases {@code snapshot} unless {@link #close()} did already. Any thread. */
  void releaseSnapshot(Snapshot snapshot) {
    synchronized (snapshotLock) {
      if (openSnapshots.remove(snapshot)) {
        db.releaseSnapshot(snapshot);
        snapshot.close();
      }
    }
  }

  /**
   * Enters a reader of a snapshot on another thread; {@code false} if the database is closing
   * (then the reader must not touch it). Pair with {@link #exitSnapshotReader()}.
   */
  boolean enterSnapshotReader() {
    synchronized (snapshotLock) {
      if (closing) {
        return false;
      }
      activeSnapshotReaders++;
      return true;
    }
  }

  /** Leaves a reader entered with {@link #enterSnapshotReader()}. */
  void exitSnapshotReader() {
    synchronized (snapshotLock) {
      activeSnapshotReaders--;
      snapshotLock.notifyAll();
    }
  }

  /** Whether {@link #close()} started: a reader stops at its next entry. */
  boolean isClosing() {
    return closing;
  }

  /** A new iterator over the column family as of {@code options}' snapshot; caller closes. */
  RocksIterator newIterator(ColumnFamilyHandle columnFamily, ReadOptions options) {
    return db.newIterator(columnFamily, options);
  }

  /** Stops the snapshot readers and releases the snapshots, before the database closes. */
  private void stopSnapshotReaders() {
    boolean interrupted = false;
    synchronized (snapshotLock) {
      closing = true;
      while (activeSnapshotReaders > 0) {
        try {
          snapshotLock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (db != null) {
        for (Snapshot snapshot : openSnapshots) {
          db.releaseSnapshot(snapshot);
          snapshot.close();
        }
      }
      openSnapshots.clear();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** RocksDB's integer property {@code name} (e.g. {@code "rocksdb.num-snapshots"}). */
  long longProperty(String name) {
    checkOpen("(all states)");
    try {
      return db.getLongProperty(name);
    } catch (RocksDBException e) {
      throw failure("read property " + name + " of", "(all states)", e);
    }
  }

  /** A new iterator over the column family; the caller closes it. */
  RocksIterator newIterator(ColumnFamilyHandle columnFamily, String stateName) {
    checkOpen(stateName);
    return db.newIterator(columnFamily, readOptions);
  }

  /** Throws if the iterator stopped on an error rather than at the end. */
  void checkStatus(RocksIterator iterator, String stateName) {
    try {
      iterator.status();
    } catch (RocksDBException e) {
      throw failure("iterate over", stateName, e);
    }
  }

  /** Renews {@code iterator} to see the latest writes; the caller seeks afterwards. */
  void refresh(RocksIterator iterator, String stateName) {
    try {
      iterator.refresh();
    } catch (RocksDBException e) {
      throw failure("iterate over", stateName, e);
    }
  }

  /** Whether {@code bytes} starts with {@code prefix}. */
  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private void checkOpen(String stateName) {
    if (closed) {
      throw new IllegalStateException(
          "state '" + stateName + "' of " + operatorDescription
              + " is used after its keyed state backend was closed");
    }
  }

  /** The unchecked exception for a RocksDB failure: operator, state, directory and status. */
  IllegalStateException failure(String action, String stateName, RocksDBException e) {
    return new IllegalStateException(
        "RocksDB could not " + action + " state '" + stateName + "' of " + operatorDescription
            + " in " + directory + ": " + statusMessage(e),
        e);
  }

  private static String statusMessage(RocksDBException e) {
    Status status = e.getStatus();
    String message = e.getMessage();
    if (status == null) {
      return message;
    }
    return status.getCodeString() + (message == null || message.isEmpty() ? "" : ": " + message);
  }

  /** Whether {@link #close()} ran. */
  boolean isClosed() {
    return closed;
  }

  /**
   * Closes every native object in reverse order of creation, then deletes the directory.
   * Idempotent. Every step runs even if an earlier one failed; the first failure is thrown at
   * the end with the others suppressed.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopSnapshotReaders();
    RuntimeException failure = null;
    while (!opened.isEmpty()) {
      AutoCloseable resource = opened.pop();
      try {
        if (resource instanceof RocksDB database) {
          database.closeE(); // close() would drop the error
        } else {
          resource.close();
        }
      } catch (Exception e) {
        failure = addFailure(failure, new IllegalStateException(
            "could not close RocksDB of " + operatorDescription + " in " + directory + ": " + e, e));
      }
    }
    columnFamilies.clear();
    restoredColumnFamilies.clear();
    db = null;
    try {
      deleteRecursively(directory);
    } catch (UncheckedIOException e) {
      failure = addFailure(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException addFailure(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not delete the RocksDB directory " + root + " of " + operatorDescription, e);
    }
  }

  @Override
  public String toString() {
    return "RocksDB{" + operatorDescription + ", " + directory + "}";
  }
}

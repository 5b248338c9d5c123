package io.millrace.state.rocksdb.internal;

import io.millrace.state.AggregatingStateDescriptor;
import io.millrace.state.KeyedStateFunction;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReducingStateDescriptor;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.KeyedStates;
import io.millrace.state.internal.snapshot.CorruptSnapshotException;
import io.millrace.state.internal.snapshot.KeyedSnapshotMeta;
import io.millrace.state.internal.snapshot.KeyedSnapshotRestore;
import io.millrace.state.internal.snapshot.KeyedStateMetaInfo;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
import io.millrace.state.internal.snapshot.MetaFile;
import io.millrace.state.internal.snapshot.SnapshotEntries;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.internal.snapshot.StateSchemaResolution;
import io.millrace.state.internal.snapshot.StateSerializers;
import io.millrace.state.internal.ttl.TtlAggregateFunction;
import io.millrace.state.internal.ttl.TtlAggregatingState;
import io.millrace.state.internal.ttl.TtlListState;
import io.millrace.state.internal.ttl.TtlMapState;
import io.millrace.state.internal.ttl.TtlPolicy;
import io.millrace.state.internal.ttl.TtlReduceFunction;
import io.millrace.state.internal.ttl.TtlReducingState;
import io.millrace.state.internal.ttl.TtlValue;
import io.millrace.state.internal.ttl.TtlValueSerializer;
import io.millrace.state.internal.ttl.TtlValueState;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB {@link KeyedStateBackend}: keeps every state of one operator subtask in an
 * embedded RocksDB database on local disk ({@link RocksDBInstance}: one database per backend
 * in {@code <local directory>/millrace-rocksdb-<uuid>}, one column family per state, deleted by
 * {@link #close()}), so that state can be far larger than the heap.
 *
 * <p><b>Keys.</b> {@code keyGroup | key | namespace}, and {@code | userKey} for a map state's
 * mappings. The key group takes one byte when there are at most 128 key groups, else two
 * (big-endian): entries sort by key group first, so a key-group range is one contiguous scan.
 * The key serializer is derived with {@link TypeSerializers#forClass} from the first key's
 * class (an enum constant with a body counts as its enum); a key of another class later fails
 * with an {@link IllegalArgumentException} naming both classes. {@link #setCurrentKey} hashes
 * the key and serializes {@code keyGroup | key} once into a reused buffer; the handles append
 * their namespace (see {@link AbstractRocksDBState}). Namespaces are written by the namespace
 * serializer the state was obtained with; a namespace it cannot write fails clearly.
 *
 * <p><b>Values.</b> Through the descriptor's serializer: value, reducing and aggregating state
 * store one value per (key, namespace); list state stores the elements separated by a
 * delimiter, appended through RocksDB's merge operator ({@link RocksDBListState}); map state
 * stores one entry per mapping, iterated in chunks ({@link RocksDBMapState}). Reads deserialize,
 * so handed-out objects are copies. The handles behave exactly like the heap backend's —
 * {@code ValueState.update(null)} and {@code add(null)} on reducing and aggregating state clear;
 * list state rejects null elements and {@code get()} returns an empty iterable when nothing is
 * stored; reducing and aggregating {@code get()} return {@code null} when nothing is stored; an
 * empty map holds no entry — and implement {@link io.millrace.state.internal.InternalKvState}
 * (list, reducing, aggregating: {@link io.millrace.state.internal.InternalAppendingState}).
 *
 * <p><b>TTL.</b> As on the heap, a state with a {@link StateTtlConfig} stores {@link TtlValue}s
 * (written by {@link TtlValueSerializer}: timestamp, then user value) and is handed out wrapped
 * in the backend-neutral decorators of {@link io.millrace.state.internal.ttl}. Expired values
 * are removed when read. Background cleanup: Apache Flink uses a RocksDB compaction filter,
 * which needs its own RocksDB fork; stock rocksdbjni cannot call Java from a compaction, so
 * this backend runs the configured (or default) incremental cleanup as a sweep over the column
 * family instead ({@link RocksDBTtlIncrementalCleanup}), triggered like the heap's: before each
 * access of the state, and for every record if so configured. A configured
 * {@code cleanupInRocksdbCompactFilter} is honoured the same way (with the default incremental
 * settings when no incremental cleanup is configured). Expired entries of states that are not
 * accessed stay on disk until they are.
 *
 * <p><b>Errors.</b> RocksDB failures (disk full, I/O errors) are rethrown as
 * {@link IllegalStateException}s naming the operator, the state, the directory and RocksDB's
 * status message, with the {@code RocksDBException} as cause.
 *
 * <p><b>Snapshots.</b> Two kinds. A full snapshot ({@link #snapshot()}: a RocksDB snapshot
 * read by iterators in the asynchronous part, see {@link RocksDBFullSnapshot}) is written in
 * the backend-independent format: for savepoints, rescaling and switching backends. A native
 * checkpoint ({@link #createNativeCheckpoint}) hard-links RocksDB's SST files into a directory
 * and lists them, so that a runtime can share unchanged files between incremental checkpoints;
 * it restores only at the same key groups ({@link #restoreFromNativeCheckpoint}). Both restores
 * put each restored state into its own column family at once — as stored, without
 * deserializing — and check (and if needed migrate) it when the operator registers the state
 * again. The key serializer after a restore must read the restored keys as they are.
 *
 * <p>Confined to the subtask's thread (not thread-safe), except that a full snapshot's
 * asynchronous part reads its native snapshot on another thread, guarded against
 * {@link #close()} by {@link RocksDBInstance}.
 *
 * @param <K> the key type
 */
public final class RocksDBKeyedStateBackend<K> implements KeyedStateBackend<K> {

  private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);

  private static final Runnable[] NO_CLEANUPS = new Runnable[0];
  private static final Runnable NO_CLEANUP = () -> {};

  private final KeyGroupRange keyGroupRange;
  private final int numberOfKeyGroups;
  final String operatorDescription;
  private final LongSupplier clock;
  final RocksDBInstance db;
  private final int keyGroupPrefixBytes;

  private final Map<String, AbstractRocksDBState<?>> states = new LinkedHashMap<>();
  /** The handles given to users: the RocksDB state itself, or its TTL decorator. */
  private final Map<String, State> handles = new HashMap<>();
  private final List<RocksDBTtlIncrementalCleanup> cleanups = new ArrayList<>();
  /** Incremental TTL cleanups that run for every record; usually empty. */
  private Runnable[] perRecordCleanups = NO_CLEANUPS;

  /** The class of the keys, from the first key; {@code null} before it. */
  private Class<?> keyClass;
  /**
   * Writes and reads the keys: derived from {@link #keyClass}; after a restore and before the
   * first key, the restored serializer (which only reads).
   */
  private TypeSerializer<Object> keySerializer;
  /** The snapshot of the restored keys' serializer; {@code null} without a restore. */
  private TypeSerializerSnapshot<?> restoredKeySerializer;
  /**
   * Restored states the operator has not registered again, by name: column families holding
   * the restored entries as written, read and checked when the state is registered.
   */
  private final Map<String, RestoredColumnFamily> restored = new LinkedHashMap<>();

  /** A restored state's meta info and the column family holding its entries. */
  private record RestoredColumnFamily(KeyedStateMetaInfo meta, ColumnFamilyHandle columnFamily) {}

  // Read by the handles on every access: package-private fields, no getters in between.
  K currentKey;
  private int currentKeyGroup = -1;
  /** {@code keyGroup | key} of the current key. */
  final DataOutputSerializer keyPrefix = new DataOutputSerializer(32);
  /** Incremented by every change of the current key: the handles' serialized keys are stale. */
  long keyVersion;
  private boolean closed;

  /**
   * A backend for the key groups {@code keyGroupRange} of a job with {@code numberOfKeyGroups}
   * key groups, in a new database under {@code config}'s local directory;
   * {@code operatorDescription} (e.g. {@code "map@2 (ClickCounter)"}) goes into error messages;
   * {@code clock} (epoch milliseconds, the operator's processing time) is the time of state TTL.
   *
   * @throws IllegalArgumentException if the range does not fit {@code numberOfKeyGroups}
   * @throws IllegalStateException if RocksDB's native library cannot be loaded, or the local
   *     directory cannot be created or written; the message names the fix
   */
  public RocksDBKeyedStateBackend(
      EmbeddedRocksDBStateBackend config, KeyGroupRange keyGroupRange, int numberOfKeyGroups,
      String operatorDescription, LongSupplier clock) {
    this(config, keyGroupRange, numberOfKeyGroups, operatorDescription, clock, resource -> {});
  }

  /** As the public constructor; {@code onOpen} is told of every native object as it opens. */
  RocksDBKeyedStateBackend(
      EmbeddedRocksDBStateBackend config, KeyGroupRange keyGroupRange, int numberOfKeyGroups,
      String operatorDescription, LongSupplier clock, Consumer<AutoCloseable> onOpen) {
    this(
        keyGroupRange, numberOfKeyGroups, operatorDescription, clock,
        description -> RocksDBInstance.open(
            Objects.requireNonNull(config, "config must not be null"), description, onOpen));
  }

  /** Checks the arguments, then opens the database with {@code opener}. */
  private RocksDBKeyedStateBackend(
      KeyGroupRange keyGroupRange, int numberOfKeyGroups, String operatorDescription,
      LongSupplier clock, Function<String, RocksDBInstance> opener) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange must not be null");
    KeyedStates.checkKeyGroups(keyGroupRange, numberOfKeyGroups);
    this.numberOfKeyGroups = numberOfKeyGroups;
    this.keyGroupPrefixBytes = keyGroupPrefixBytes(numberOfKeyGroups);
    this.operatorDescription =
        operatorDescription == null ? "an unnamed operator" : operatorDescription;
    this.db = opener.apply(this.operatorDescription);
  }

  /** The bytes of the key group in front of every key: 1 up to 128 key groups, else 2. */
  static int keyGroupPrefixBytes(int numberOfKeyGroups) {
    return numberOfKeyGroups <= 128 ? 1 : 2;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public int numberOfKeyGroups() {
    return numberOfKeyGroups;
  }

  @Override
  public void setCurrentKey(K key) {
    if (closed) {
      throw closedError();
    }
    int keyGroup = KeyedStates.keyGroupOf(key, keyGroupRange, numberOfKeyGroups, operatorDescription);
    writeKeyPrefix(key, keyGroup);
    if (perRecordCleanups.length != 0) {
      for (Runnable cleanup : perRecordCleanups) {
        cleanup.run();
      }
    }
  }

  /** Makes {@code key} current: serializes {@code keyGroup | key} into {@link #keyPrefix}. */
  private void writeKeyPrefix(K key, int keyGroup) {
    TypeSerializer<Object> serializer = keySerializerFor(key);
    keyVersion++;
    keyPrefix.clear();
    try {
      if (keyGroupPrefixBytes == 1) {
        keyPrefix.writeByte(keyGroup);
      } else {
        keyPrefix.writeShort(keyGroup);
      }
      serializer.serialize(key, keyPrefix);
    } catch (IOException | RuntimeException e) {
      currentKey = null;
      currentKeyGroup = -1;
      throw new IllegalStateException(
          "could not serialize key " + key + " of " + operatorDescription + " with "
              + serializer + ": " + e.getMessage(), e);
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
  }

  private TypeSerializer<Object> keySerializerFor(Object key) {
    Class<?> type = key.getClass();
    if (type == keyClass) {
      return keySerializer;
    }
    Class<?> declared = key instanceof Enum<?> constant ? constant.getDeclaringClass() : type;
    if (keyClass == null) {
      TypeSerializer<Object> derived;
      try {
        derived = TypeSerializers.forClass(objects(declared));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "keys of " + operatorDescription + " cannot be stored in the RocksDB state backend: "
                + e.getMessage(), e);
      }
      if (restoredKeySerializer != null) {
        StateSchemaResolution.checkKeySerializer(restoredKeySerializer, derived, operatorDescription);
      }
      keySerializer = derived;
      keyClass = declared;
    } else if (declared != keyClass) {
      throw new IllegalArgumentException(
          "key " + key + " of " + operatorDescription + " is a " + declared.getName()
              + " but earlier keys were " + keyClass.getName() + ": the RocksDB state backend"
              + " writes all keys of an operator with one serializer, derived from the first"
              + " key's class; make the key selector of keyBy(...) return one type (e.g. a"
              + " String or a record) for every record");
    }
    return keySerializer;
  }

  // Only serializes values of that class, whatever the caller calls them.
  @SuppressWarnings("unchecked")
  private static Class<Object> objects(Class<?> type) {
    return (Class<Object>) type;
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public int getCurrentKeyGroup() {
    return currentKeyGroup;
  }

  @Override
  public <N, S extends State> S getOrCreateKeyedState(
      TypeSerializer<N> namespaceSerializer, StateDescriptor<S, ?> descriptor) {
    Objects.requireNonNull(namespaceSerializer, "namespaceSerializer must not be null");
    Objects.requireNonNull(descriptor, "descriptor must not be null");
    if (closed) {
      throw closedError();
    }
    AbstractRocksDBState<?> existing = states.get(descriptor.getName());
    if (existing != null) {
      KeyedStates.checkCompatible(
          existing.descriptor, existing.namespaceSerializer, descriptor, namespaceSerializer,
          operatorDescription);
      return KeyedStates.asHandle(handles.get(descriptor.getName()), descriptor);
    }
    TypeSerializer<Object> namespaces = cast(namespaceSerializer);
    StateTtlConfig ttl = descriptor.getTtlConfig();
    State handle =
        ttl == null ? createState(descriptor, namespaces) : createTtlState(descriptor, namespaces, ttl);
    handles.put(descriptor.getName(), handle);
    return KeyedStates.asHandle(handle, descriptor);
  }

  /**
   * The column family of the state {@code descriptor} names, called after its serializers
   * resolved: a new one; or, for a restored state, the restored one, after checking the new
   * serializers against the restored ones and migrating the entries if they need it.
   */
  private ColumnFamilyHandle newColumnFamily(
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaces) {
    RestoredColumnFamily restoredState = restored.get(descriptor.getName());
    if (restoredState == null) {
      return db.createColumnFamily(descriptor.getName(), states.size() + restored.size() + 1);
    }
    StateSchemaResolution resolution =
        StateSchemaResolution.resolve(
            restoredState.meta(), descriptor, namespaces, operatorDescription);
    if (resolution.migrationNeeded()) {
      LOG.info(
          "Migrating restored state '{}' of {} to its new serializers: {}",
          descriptor.getName(), operatorDescription, resolution.migrationReason());
      new RocksDBStateMigration(
              db, restoredState.columnFamily(), descriptor.getName(), descriptor.getKind(),
              operatorDescription)
          .migrate(resolution.read(), resolution.write());
    }
    restored.remove(descriptor.getName());
    return restoredState.columnFamily();
  }

  // Each branch resolves the descriptor's serializers (which may fail) before creating the
  // column family, so a failed request leaves nothing behind.
  private State createState(StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaces) {
    AbstractRocksDBState<?> state;
    if (descriptor instanceof ValueStateDescriptor<?> value) {
      TypeSerializer<Object> serializer = cast(value.getSerializer());
      state = new RocksDBValueState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer);
    } else if (descriptor instanceof ListStateDescriptor<?> list) {
      TypeSerializer<Object> serializer = cast(list.getSerializer());
      state = new RocksDBListState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer);
    } else if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      TypeSerializer<Object> keys = TypeSerializers.nullable(cast(map.getKeySerializer()));
      TypeSerializer<Object> values = TypeSerializers.nullable(cast(map.getValueSerializer()));
      state = new RocksDBMapState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, keys, values);
    } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
      state = reducing(reducing, namespaces);
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
      state = aggregating(aggregating, namespaces);
    } else {
      throw KeyedStates.unsupportedDescriptor(descriptor);
    }
    states.put(descriptor.getName(), state);
    return state;
  }

  private <T> AbstractRocksDBState<?> reducing(
      ReducingStateDescriptor<T> descriptor, TypeSerializer<Object> namespaces) {
    TypeSerializer<T> serializer = descriptor.getSerializer();
    return new RocksDBReducingState<>(
        this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer,
        descriptor.getReduceFunction());
  }

  private <IN, ACC, OUT> AbstractRocksDBState<?> aggregating(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor, TypeSerializer<Object> namespaces) {
    TypeSerializer<ACC> serializer = descriptor.getSerializer();
    return new RocksDBAggregatingState<>(
        this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer,
        descriptor.getAggregateFunction());
  }

  private State createTtlState(
      StateDescriptor<?, ?> descriptor, TypeSerializer<Object> namespaces, StateTtlConfig config) {
    TtlPolicy policy = new TtlPolicy(config, clock);
    if (descriptor instanceof ValueStateDescriptor<?> value) {
      TtlValueSerializer<Object> serializer = new TtlValueSerializer<>(cast(value.getSerializer()));
      RocksDBValueState<TtlValue<Object>> state =
          new RocksDBValueState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer);
      return new TtlValueState<>(state, policy, register(state, timestampFilter(policy), config));
    } else if (descriptor instanceof ListStateDescriptor<?> list) {
      TtlValueSerializer<Object> serializer = new TtlValueSerializer<>(cast(list.getSerializer()));
      RocksDBListState<TtlValue<Object>> state =
          new RocksDBListState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer);
      RocksDBTtlIncrementalCleanup.ExpiredFilter filter =
          (bytes, now) -> state.retainElements(bytes, element -> !policy.isExpired(element, now));
      return new TtlListState<>(state, descriptor.getName(), policy, register(state, filter, config));
    } else if (descriptor instanceof MapStateDescriptor<?, ?> map) {
      TypeSerializer<Object> keys = TypeSerializers.nullable(cast(map.getKeySerializer()));
      TtlValueSerializer<Object> values =
          new TtlValueSerializer<>(TypeSerializers.nullable(cast(map.getValueSerializer())));
      RocksDBMapState<Object, TtlValue<Object>> state =
          new RocksDBMapState<>(this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, keys, values);
      return new TtlMapState<>(state, policy, register(state, timestampFilter(policy), config));
    } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
      return ttlReducing(reducing, namespaces, policy, config);
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
      return ttlAggregating(aggregating, namespaces, policy, config);
    }
    throw KeyedStates.unsupportedDescriptor(descriptor);
  }

  private <T> State ttlReducing(
      ReducingStateDescriptor<T> descriptor, TypeSerializer<Object> namespaces, TtlPolicy policy,
      StateTtlConfig config) {
    TtlValueSerializer<T> serializer = new TtlValueSerializer<>(descriptor.getSerializer());
    RocksDBReducingState<TtlValue<T>> state =
        new RocksDBReducingState<>(
            this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer,
            new TtlReduceFunction<>(descriptor.getReduceFunction(), policy));
    return new TtlReducingState<>(state, policy, register(state, timestampFilter(policy), config));
  }

  private <IN, ACC, OUT> State ttlAggregating(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor, TypeSerializer<Object> namespaces,
      TtlPolicy policy, StateTtlConfig config) {
    TtlValueSerializer<ACC> serializer = new TtlValueSerializer<>(descriptor.getSerializer());
    RocksDBAggregatingState<IN, TtlValue<ACC>, OUT> state =
        new RocksDBAggregatingState<>(
            this, newColumnFamily(descriptor, namespaces), descriptor, namespaces, serializer,
            new TtlAggregateFunction<>(descriptor.getAggregateFunction(), policy));
    return new TtlAggregatingState<>(
        state, descriptor.getAggregateFunction(), policy,
        register(state, timestampFilter(policy), config));
  }

  /** Expiry of a stored {@link TtlValue} from its leading timestamp alone. */
  private static RocksDBTtlIncrementalCleanup.ExpiredFilter timestampFilter(TtlPolicy policy) {
    return (bytes, now) ->
        policy.expirationTime(TtlValueSerializer.readTimestamp(bytes, 0)) <= now ? null : bytes;
  }

  /**
   * Registers the state under a TTL decorator and returns the hook to run before each of its
   * accesses: its incremental cleanup, or a no-op if it has none.
   */
  private Runnable register(
      AbstractRocksDBState<?> state, RocksDBTtlIncrementalCleanup.ExpiredFilter filter,
      StateTtlConfig config) {
    states.put(state.name, state);
    StateTtlConfig.CleanupStrategies strategies = config.getCleanupStrategies();
    StateTtlConfig.IncrementalCleanupStrategy strategy = strategies.effectiveIncrementalCleanup();
    if (strategy == null && strategies.rocksdbCompactFilter() != null) {
      strategy = StateTtlConfig.CleanupStrategies.DEFAULT_INCREMENTAL_CLEANUP;
    }
    if (strategy == null) {
      return NO_CLEANUP;
    }
    RocksDBTtlIncrementalCleanup cleanup =
        new RocksDBTtlIncrementalCleanup(state, filter, clock, strategy.cleanupSize());
    cleanups.add(cleanup);
    if (strategy.runCleanupForEveryRecord()) {
      perRecordCleanups = Arrays.copyOf(perRecordCleanups, perRecordCleanups.length + 1);
      perRecordCleanups[perRecordCleanups.length - 1] = cleanup;
    }
    return cleanup;
  }

  // Serializers are used only for the values of the state they were given for; the handles
  // are typed by the descriptor (asHandle), so Object stands for that type inside the backend.
  @SuppressWarnings("unchecked")
  private static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }

  /**
   * The synchronous part of a full snapshot; see {@link KeyedStateBackend#snapshot()}.
   *
   * <p><b>Cost.</b> O(states): the meta info of each state, and one RocksDB snapshot (which
   * pins the current sequence number; O(1), nothing is copied or flushed). The asynchronous
   * part iterates over the native snapshot, so RocksDB keeps the versions of entries changed
   * meanwhile until the snapshot is closed.
   *
   * @throws IllegalStateException if the backend is closed
   */
  @Override
  public KeyedStateSnapshot snapshot() {
    if (closed) {
      throw closedError();
    }
    long now = clock.getAsLong();
    List<KeyedStateMetaInfo> metas = new ArrayList<>();
    List<RocksDBFullSnapshot.StateScan> scans = new ArrayList<>();
    for (AbstractRocksDBState<?> state : states.values()) {
      StateDescriptor<?, ?> descriptor = state.descriptor;
      metas.add(KeyedStateMetaInfo.of(descriptor, state.namespaceSerializer));
      StateTtlConfig ttl = descriptor.getTtlConfig();
      TtlPolicy cleanup =
          ttl != null && ttl.getCleanupStrategies().inFullSnapshot() ? new TtlPolicy(ttl, clock) : null;
      TypeSerializer<Object> elements =
          cleanup != null && descriptor.getKind() == StateDescriptor.Kind.LIST
              ? StateSerializers.of(descriptor, state.namespaceSerializer).value()
              : null;
      scans.add(
          new RocksDBFullSnapshot.StateScan(
              state.name, state.columnFamily, descriptor.getKind(), cleanup, elements));
    }
    for (RestoredColumnFamily restoredState : restored.values()) {
      metas.add(restoredState.meta());
      scans.add(
          new RocksDBFullSnapshot.StateScan(
              restoredState.meta().name(), restoredState.columnFamily(),
              restoredState.meta().kind(), null, null));
    }
    KeyedSnapshotMeta meta = meta(metas);
    return new RocksDBFullSnapshot(
        meta, db, db.takeSnapshot(), scans, keyGroupPrefixBytes, now, operatorDescription);
  }

  private KeyedSnapshotMeta meta(List<KeyedStateMetaInfo> metas) {
    TypeSerializerSnapshot<?> keys =
        keyClass != null ? keySerializer.snapshotConfiguration() : restoredKeySerializer;
    return new KeyedSnapshotMeta(
        "RocksDB backend of " + operatorDescription, numberOfKeyGroups, keyGroupRange, keys, metas);
  }

  /**
   * Restores from keyed snapshots; see {@link KeyedStateBackend#restore}. Each restored state
   * gets its column family at once, filled with the entries of this backend's key groups as
   * written (in write batches, without deserializing); registering the state later checks its
   * serializers and, if they need it, rewrites the entries.
   */
  @Override
  public void restore(List<? extends SnapshotInput> snapshots) throws IOException {
    Objects.requireNonNull(snapshots, "snapshots must not be null");
    if (closed) {
      throw closedError();
    }
    if (!states.isEmpty() || !restored.isEmpty() || keySerializer != null || currentKey != null) {
      throw new IllegalStateException(
          "the keyed state backend of " + operatorDescription + " can only restore before it is"
              + " used: restore right after creating it, before any state or key");
    }
    try (RestoreBatch batch = new RestoreBatch()) {
      KeyedSnapshotRestore.restore(
          snapshots, keyGroupRange, numberOfKeyGroups, operatorDescription,
          new KeyedSnapshotRestore.Target() {
            @Override
            public void begin(TypeSerializerSnapshot<?> keys, List<KeyedStateMetaInfo> metas) {
              adoptRestoredKeys(keys);
              List<String> names = metas.stream().map(KeyedStateMetaInfo::name).toList();
              List<ColumnFamilyHandle> columnFamilies = db.createColumnFamilies(names, names.size());
              for (int i = 0; i < metas.size(); i++) {
                restored.put(
                    metas.get(i).name(), new RestoredColumnFamily(metas.get(i), columnFamilies.get(i)));
              }
            }

            @Override
            public void restoreSection(
                KeyedStateMetaInfo state, int keyGroup, byte[] block, int from, int to,
                int entries) {
              RestoredColumnFamily target = restored.get(state.name());
              SnapshotEntries cursor = new SnapshotEntries(block, from, to);
              while (cursor.next()) {
                byte[] key = new byte[keyGroupPrefixBytes + cursor.keyLength()];
                writeKeyGroupPrefix(key, keyGroup);
                System.arraycopy(block, cursor.keyOffset(), key, keyGroupPrefixBytes, cursor.keyLength());
                byte[] value =
                    Arrays.copyOfRange(block, cursor.valueOffset(), cursor.valueOffset() + cursor.valueLength());
                batch.put(target.columnFamily(), key, value, state.name());
              }
            }
          });
      batch.flush();
    }
  }

  /** Makes the restored keys' serializer the one that reads keys until the first key comes. */
  private void adoptRestoredKeys(TypeSerializerSnapshot<?> keys) {
    restoredKeySerializer = keys;
    keySerializer = keys == null ? null : cast(keys.restoreSerializer());
  }

  private void writeKeyGroupPrefix(byte[] key, int keyGroup) {
    if (keyGroupPrefixBytes == 1) {
      key[0] = (byte) keyGroup;
    } else {
      key[0] = (byte) (keyGroup >>> 8);
      key[1] = (byte) keyGroup;
    }
  }

  /** Accumulates a restore's writes and applies them every few MiB. */
  private final class RestoreBatch implements AutoCloseable {
    private static final int FLUSH_BYTES = 4 << 20;
    private final WriteBatch batch = new WriteBatch();
    private String lastState = "(none)";

    void put(ColumnFamilyHandle columnFamily, byte[] key, byte[] value, String stateName) {
      try {
        batch.put(columnFamily, key, value);
      } catch (RocksDBException e) {
        throw db.failure("restore", stateName, e);
      }
      lastState = stateName;
      if (batch.getDataSize() >= FLUSH_BYTES) {
        flush();
      }
    }

    void flush() {
      if (batch.count() > 0) {
        db.write(batch, lastState);
        batch.clear();
      }
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  /**
   * Creates an incremental native checkpoint in {@code directory} (which must not exist; its
   * parent must): RocksDB flushes its memtables and hard-links every live SST file into the
   * directory, copies the few files that describe them (MANIFEST, CURRENT, OPTIONS), and this
   * backend adds {@link MetaFile#NAME} with the key serializer and every state's meta info.
   * SST files are immutable and named by a number unique in this database, so a file of the
   * same name in two checkpoints of one backend is the same file: a runtime uploads only the
   * SST files the previous checkpoint did not have and shares the others (reference-counted).
   *
   * <p>This is the synchronous part of an incremental checkpoint (call on the subtask's thread
   * between two records); its cost is the memtable flush (at most the write buffers' size) and
   * one hard link per SST file. The directory is complete and consistent when it returns, and
   * independent of the backend (closing the backend leaves it intact). Restore with
   * {@link #restoreFromNativeCheckpoint}: same backend kind, same key groups.
   *
   * @throws IllegalStateException if the backend is closed or RocksDB fails
   * @throws IOException if the metadata file cannot be written
   */
  public NativeCheckpoint createNativeCheckpoint(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory must not be null");
    if (closed) {
      throw closedError();
    }
    List<KeyedStateMetaInfo> metas = new ArrayList<>();
    for (AbstractRocksDBState<?> state : states.values()) {
      metas.add(KeyedStateMetaInfo.of(state.descriptor, state.namespaceSerializer));
    }
    for (RestoredColumnFamily restoredState : restored.values()) {
      metas.add(restoredState.meta());
    }
    KeyedSnapshotMeta meta = meta(metas);
    db.createCheckpoint(directory);
    MetaFile.write(directory.resolve(MetaFile.NAME), meta);
    List<String> sstFiles = new ArrayList<>();
    List<String> otherFiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        (name.endsWith(".sst") ? sstFiles : otherFiles).add(name);
      }
    }
    Collections.sort(sstFiles);
    Collections.sort(otherFiles);
    return new NativeCheckpoint(directory, sstFiles, otherFiles, meta);
  }

  /**
   * A backend for {@code keyGroupRange} restored from the native checkpoint in
   * {@code directory} (made by {@link #createNativeCheckpoint}, or a directory holding all of
   * its files): the database is opened on a copy (SST files hard-linked), so the checkpoint
   * stays usable. The key groups and their number must be those of the checkpoint — a native
   * checkpoint restores only at the same parallelism on the same backend kind; a full snapshot
   * ({@link #snapshot()}) rescales and switches backends. States are re-registered lazily,
   * with the same checks and migration as {@link #restore}.
   *
   * @throws CorruptSnapshotException if the metadata file is missing, corrupt, or names a
   *     state whose column family is missing
   * @throws IllegalArgumentException if the key groups differ from the checkpoint's
   * @throws IllegalStateException if RocksDB cannot open the copy
   */
  public static <K> RocksDBKeyedStateBackend<K> restoreFromNativeCheckpoint(
      EmbeddedRocksDBStateBackend config, KeyGroupRange keyGroupRange, int numberOfKeyGroups,
      String operatorDescription, LongSupplier clock, Path directory) throws IOException {
    Objects.requireNonNull(config, "config must not be null");
    Path metaFile = directory.resolve(MetaFile.NAME);
    if (!Files.isRegularFile(metaFile)) {
      throw new CorruptSnapshotException(
          directory.toString(), "it has no " + MetaFile.NAME + ": it is not a complete native"
              + " checkpoint of a RocksDB keyed state backend");
    }
    KeyedSnapshotMeta meta = MetaFile.read(metaFile);
    if (meta.numberOfKeyGroups() != numberOfKeyGroups
        || !meta.keyGroupRange().equals(keyGroupRange)) {
      throw new IllegalArgumentException(
          "cannot restore " + operatorDescription + " (" + keyGroupRange + " of "
              + numberOfKeyGroups + " key groups) from the native checkpoint " + directory
              + ", which holds " + meta.keyGroupRange() + " of " + meta.numberOfKeyGroups()
              + ": native checkpoints restore only at the same parallelism and max parallelism;"
              + " restore from a savepoint (a full snapshot) to rescale");
    }
    RocksDBKeyedStateBackend<K> backend =
        new RocksDBKeyedStateBackend<>(
            keyGroupRange, numberOfKeyGroups, operatorDescription, clock,
            description -> RocksDBInstance.openFromCheckpoint(config, description, resource -> {}, directory));
    try {
      backend.adoptRestoredKeys(meta.keySerializer());
      Map<String, ColumnFamilyHandle> columnFamilies = backend.db.restoredColumnFamilies();
      for (KeyedStateMetaInfo state : meta.states()) {
        ColumnFamilyHandle columnFamily = columnFamilies.get(state.name());
        if (columnFamily == null) {
          throw new CorruptSnapshotException(
              directory.toString(), "its metadata names state '" + state.name()
                  + "' but its RocksDB files have no column family of that name");
        }
        backend.restored.put(state.name(), new RestoredColumnFamily(state, columnFamily));
      }
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
    return backend;
  }

  @Override
  public <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function)
      throws Exception {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(function, "function must not be null");
    AbstractRocksDBState<?> registered = states.get(descriptor.getName());
    S handle =
        registered == null
            ? getOrCreateKeyedState(descriptor)
            : getOrCreateKeyedState(registered.namespaceSerializer, descriptor);
    AbstractRocksDBState<?> state = states.get(descriptor.getName());
    List<K> keys = keysOf(state, namespace);
    K previousKey = currentKey;
    int previousKeyGroup = currentKeyGroup;
    Object previousNamespace = state.currentNamespace;
    try {
      state.setCurrentNamespace(namespace);
      for (K key : keys) {
        setCurrentKey(key);
        function.process(key, handle);
      }
    } finally {
      state.currentNamespace = previousNamespace;
      if (previousKey == null) {
        currentKey = null;
        currentKeyGroup = -1;
        keyVersion++;
      } else if (!closed) {
        writeKeyPrefix(previousKey, previousKeyGroup);
      }
    }
  }

  @Override
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    Objects.requireNonNull(namespace, "namespace must not be null");
    AbstractRocksDBState<?> state = states.get(stateName);
    return state == null ? Stream.empty() : keysOf(state, namespace).stream();
  }

  /** The keys with a value of {@code state} in {@code namespace}, by a scan. */
  private List<K> keysOf(AbstractRocksDBState<?> state, Object namespace) {
    List<K> keys = new ArrayList<>();
    scan(
        state,
        (key, keyNamespace) -> {
          if (namespace.equals(keyNamespace)) {
            keys.add(key);
          }
        });
    return keys;
  }

  /**
   * Calls {@code visitor} once per (key, namespace) entry of {@code state}, in key order; a
   * map state's mappings of one (key, namespace) count once.
   */
  private void scan(AbstractRocksDBState<?> state, BiConsumer<K, Object> visitor) {
    if (keySerializer == null) {
      return; // no key was ever set, so nothing was written
    }
    DataInputDeserializer in = new DataInputDeserializer();
    byte[] previous = null;
    int previousLength = 0;
    try (RocksIterator iterator = db.newIterator(state.columnFamily, state.name)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        byte[] raw = iterator.key();
        in.setBuffer(raw, keyGroupPrefixBytes, raw.length - keyGroupPrefixBytes);
        K key = castKey(keySerializer.deserialize(in));
        Object namespace = state.namespaceSerializer.deserialize(in);
        int length = raw.length - in.available();
        if (state.hasEntryPerUserKey()) {
          if (previous != null && Arrays.equals(previous, 0, previousLength, raw, 0, length)) {
            continue;
          }
          previous = raw;
          previousLength = length;
        }
        visitor.accept(key, namespace);
      }
      db.checkStatus(iterator, state.name);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not read the keys of state '" + state.name + "' of " + operatorDescription, e);
    }
  }

  // The key serializer was derived from the class of the keys this backend was given.
  @SuppressWarnings("unchecked")
  private K castKey(Object key) {
    return (K) key;
  }

  @Override
  public int numStateEntries() {
    int entries = 0;
    for (AbstractRocksDBState<?> state : states.values()) {
      entries += numStateEntries(state);
    }
    for (RestoredColumnFamily restoredState : restored.values()) {
      entries += countEntries(restoredState.columnFamily(), restoredState.meta().name());
    }
    return entries;
  }

  private int numStateEntries(AbstractRocksDBState<?> state) {
    if (state.hasEntryPerUserKey()) {
      int[] count = {0};
      scan(state, (key, namespace) -> count[0]++);
      return count[0];
    }
    return countEntries(state.columnFamily, state.name);
  }

  /** The number of RocksDB entries in {@code columnFamily}, by a scan. */
  private int countEntries(ColumnFamilyHandle columnFamily, String stateName) {
    int count = 0;
    try (RocksIterator iterator = db.newIterator(columnFamily, stateName)) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        count++;
      }
      db.checkStatus(iterator, stateName);
    }
    return count;
  }

  /** The registered state {@code name} (the RocksDB handle under any TTL decorator), or null. */
  AbstractRocksDBState<?> state(String name) {
    return states.get(name);
  }

  /** The directory of this backend's database. */
  Path directory() {
    return db.directory;
  }

  /** The failure of a state access without a current key (or after {@link #close()}). */
  IllegalStateException noCurrentKey(String stateName) {
    if (closed) {
      return new IllegalStateException(
          "state '" + stateName + "' is used after the keyed state backend of "
              + operatorDescription + " was closed");
    }
    return new IllegalStateException(
        "no current key for state '" + stateName + "' in " + operatorDescription
            + ": keyed state can only be used while processing a keyed record or timer");
  }

  /**
   * Closes the cleanup cursors, the database and every native object, and deletes the
   * directory. Idempotent; the backend is unusable afterwards.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    currentKey = null;
    currentKeyGroup = -1;
    keyVersion++;
    for (RocksDBTtlIncrementalCleanup cleanup : cleanups) {
      cleanup.close();
    }
    cleanups.clear();
    perRecordCleanups = NO_CLEANUPS;
    states.clear();
    handles.clear();
    restored.clear();
    db.close();
  }

  private IllegalStateException closedError() {
    return new IllegalStateException(
        "the keyed state backend of " + operatorDescription + " is closed");
  }

  @Override
  public String toString() {
    return "RocksDBKeyedStateBackend{" + operatorDescription + ", " + keyGroupRange + ", "
        + db.directory + ", states=" + states.keySet() + "}";
  }
}

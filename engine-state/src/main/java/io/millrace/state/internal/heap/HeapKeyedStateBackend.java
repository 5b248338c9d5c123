package io.millrace.state.internal.heap;

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
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.snapshot.KeyedSnapshotMeta;
import io.millrace.state.internal.snapshot.KeyedSnapshotRestore;
import io.millrace.state.internal.snapshot.KeyedStateMetaInfo;
import io.millrace.state.internal.snapshot.KeyedStateSnapshot;
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
import io.millrace.state.internal.ttl.TtlValueState;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heap {@link KeyedStateBackend}: keeps every state's values as objects in hash maps
 * partitioned by key group (see {@link StateTable} for the layout), so a snapshot can write and
 * read one key group at a time.
 *
 * <p>Per record the operator calls {@link #setCurrentKey}, which hashes the key once and stores
 * the key and its key-group index in fields; the handles (one per state, created by
 * {@link #getOrCreateKeyedState} and reused for every key) read those fields and do one hash
 * lookup per access in the void namespace, two in any other. Nothing is allocated per access
 * beyond what storing a new entry needs.
 *
 * <p>The handles follow Apache Flink's heap backend: {@code ValueState.update(null)} and
 * {@code add(null)} on reducing and aggregating state clear; list state rejects null elements,
 * {@code ListState.get()} returns an empty iterable when nothing is stored; reducing and
 * aggregating {@code get()} return {@code null} when nothing is stored; a map state whose map
 * becomes empty holds no entry. Each handle also implements
 * {@link io.millrace.state.internal.InternalKvState} (list, reducing and aggregating state:
 * {@link io.millrace.state.internal.InternalMergingState}); its namespace starts as
 * {@link VoidNamespace#INSTANCE}.
 *
 * <p><b>TTL.</b> A state whose descriptor has a {@link StateTtlConfig} stores
 * {@link TtlValue}s (per value, list element or map entry) and is handed out wrapped in the
 * backend-neutral decorator of {@link io.millrace.state.internal.ttl}; states without TTL store
 * plain values and are handed out directly. Time comes from the clock given at construction.
 * Incremental cleanup ({@link HeapTtlIncrementalCleanup}) runs before each access of the state,
 * and on {@link #setCurrentKey} for states configured to clean up for every record.
 *
 * <p><b>Snapshots.</b> {@link #snapshot()} freezes every state's key groups and counts the
 * snapshot as running; until it is released, the tables copy on write (see {@link StateTable}
 * and {@link #snapshot()} for the costs). Keys are written by the serializer derived from the
 * first key's class ({@link TypeSerializers#forClass}; an enum constant counts as its enum),
 * values by the descriptors' serializers, which are derived (or checked) only when a snapshot
 * is taken — state of a type without a serializer works until the first checkpoint, which
 * then fails naming it. {@link #restore} keeps each restored state as its snapshot bytes
 * ({@link HeapRestoredState}) until the operator registers it again, then reads it into the
 * state's table with the serializers {@link StateSchemaResolution} chose.
 *
 * <p>Confined to the subtask's thread (not thread-safe), except that a snapshot's asynchronous
 * part reads the frozen key groups on another thread.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

  private static final Logger LOG = LoggerFactory.getLogger(HeapKeyedStateBackend.class);

  private final KeyGroupRange keyGroupRange;
  private final int numberOfKeyGroups;
  final String operatorDescription;
  private final Map<String, AbstractHeapState<K, ?>> states = new LinkedHashMap<>();
  /** The handles given to users: the heap state itself, or its TTL decorator. */
  private final Map<String, State> handles = new HashMap<>();
  private final LongSupplier clock;
  /**
   * Restored states the operator has not registered again, by name: their entries wait as
   * snapshot bytes until the registration says how to read them.
   */
  private final Map<String, HeapRestoredState> restored = new LinkedHashMap<>();
  /** The snapshot of the restored keys' serializer; {@code null} without a restore. */
  private TypeSerializerSnapshot<?> restoredKeySerializer;
  /** The class of the keys: of the first key set or restored; {@code null} before. */
  private Class<?> keyClass;
  /** The serializer of {@link #keyClass}, derived for the first snapshot. */
  private TypeSerializer<Object> keySerializer;
  /**
   * The number of snapshots taken and not yet released. Written by the snapshots' release on
   * any thread and read by the state tables on this one: atomic, so that a table that reads 0
   * sees every snapshot's reads finished (see {@link StateTable}).
   */
  final AtomicInteger runningSnapshots = new AtomicInteger();
  /** Incremental TTL cleanups that run for every record; usually empty. */
  private Runnable[] perRecordCleanups = NO_CLEANUPS;

  private static final Runnable[] NO_CLEANUPS = new Runnable[0];
  private static final Runnable NO_CLEANUP = () -> {};

  // Read by the handles on every access: package-private fields, no getters in between.
  K currentKey;
  int currentKeyGroup = -1;
  int currentKeyGroupIndex = -1;
  private boolean closed;

  /**
   * A backend for the key groups {@code keyGroupRange} of a job with {@code numberOfKeyGroups}
   * key groups; {@code operatorDescription} (e.g. {@code "map@2 (ClickCounter)"}) goes into
   * error messages. TTL is measured on the system clock.
   */
  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int numberOfKeyGroups, String operatorDescription) {
    this(keyGroupRange, numberOfKeyGroups, operatorDescription, System::currentTimeMillis);
  }

  /**
   * A backend for the key groups {@code keyGroupRange} of a job with {@code numberOfKeyGroups}
   * key groups; {@code operatorDescription} goes into error messages; {@code clock} (epoch
   * milliseconds, the operator's processing time) is the time of state TTL.
   */
  public HeapKeyedStateBackend(
      KeyGroupRange keyGroupRange, int numberOfKeyGroups, String operatorDescription,
      LongSupplier clock) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange must not be null");
    KeyedStates.checkKeyGroups(keyGroupRange, numberOfKeyGroups);
    this.numberOfKeyGroups = numberOfKeyGroups;
    this.operatorDescription =
        operatorDescription == null ? "an unnamed operator" : operatorDescription;
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
    if (key.getClass() != keyClass) {
      keyClassSeen(key);
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
    currentKeyGroupIndex = keyGroup - keyGroupRange.startKeyGroup();
    if (perRecordCleanups.length != 0) {
      for (Runnable cleanup : perRecordCleanups) {
        cleanup.run();
      }
    }
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
    AbstractHeapState<K, ?> existing = states.get(descriptor.getName());
    if (existing == null) {
      HeapRestoredState restoredState = restored.get(descriptor.getName());
      StateSchemaResolution resolution =
          restoredState == null
              ? null
              : StateSchemaResolution.resolve(
                  restoredState.meta, descriptor, namespaceSerializer, operatorDescription);
      StateTtlConfig ttl = descriptor.getTtlConfig();
      handles.put(descriptor.getName(), ttl == null ? createState(descriptor) : createTtlState(descriptor, ttl));
      AbstractHeapState<K, ?> created = states.get(descriptor.getName());
      created.namespaceSerializer = namespaceSerializer;
      if (restoredState != null) {
        try {
          load(restoredState, created, resolution);
        } catch (RuntimeException e) {
          // Leave the state unregistered, so that no later request gets it without its entries.
          states.remove(descriptor.getName());
          handles.remove(descriptor.getName());
          throw e;
        }
        restored.remove(descriptor.getName());
      }
    } else {
      KeyedStates.checkCompatible(
          existing.descriptor, existing.namespaceSerializer, descriptor, namespaceSerializer,
          operatorDescription);
    }
    return KeyedStates.asHandle(handles.get(descriptor.getName()), descriptor);
  }

  private State createState(StateDescriptor<?, ?> descriptor) {
    AbstractHeapState<K, ?> state;
    if (descriptor instanceof ValueStateDescriptor<?>) {
      state = new HeapValueState<K, Object>(this, descriptor);
    } else if (descriptor instanceof ListStateDescriptor<?>) {
      state = new HeapListState<K, Object>(this, descriptor);
    } else if (descriptor instanceof MapStateDescriptor<?, ?>) {
      state = new HeapMapState<K, Object, Object>(this, descriptor);
    } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
      state = new HeapReducingState<>(this, reducing);
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
      state = new HeapAggregatingState<>(this, aggregating);
    } else {
      throw KeyedStates.unsupportedDescriptor(descriptor);
    }
    states.put(descriptor.getName(), state);
    return state;
  }

  private State createTtlState(StateDescriptor<?, ?> descriptor, StateTtlConfig config) {
    TtlPolicy policy = new TtlPolicy(config, clock);
    if (descriptor instanceof ValueStateDescriptor<?>) {
      HeapValueState<K, TtlValue<Object>> state = new HeapValueState<>(this, descriptor);
      return new TtlValueState<>(state, policy, register(state, policy.valueFilter(), config));
    } else if (descriptor instanceof ListStateDescriptor<?>) {
      HeapListState<K, TtlValue<Object>> state = new HeapListState<>(this, descriptor);
      return new TtlListState<>(
          state, descriptor.getName(), policy, register(state, policy.listFilter(), config));
    } else if (descriptor instanceof MapStateDescriptor<?, ?>) {
      HeapMapState<K, Object, TtlValue<Object>> state = new HeapMapState<>(this, descriptor);
      return new TtlMapState<>(state, policy, register(state, policy.mapFilter(), config));
    } else if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
      return ttlReducing(reducing, policy, config);
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
      return ttlAggregating(aggregating, policy, config);
    }
    throw KeyedStates.unsupportedDescriptor(descriptor);
  }

  private <T> State ttlReducing(
      ReducingStateDescriptor<T> descriptor, TtlPolicy policy, StateTtlConfig config) {
    HeapReducingState<K, TtlValue<T>> state =
        new HeapReducingState<>(
            this, descriptor, new TtlReduceFunction<>(descriptor.getReduceFunction(), policy));
    return new TtlReducingState<>(state, policy, register(state, policy.valueFilter(), config));
  }

  private <IN, ACC, OUT> State ttlAggregating(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor, TtlPolicy policy,
      StateTtlConfig config) {
    HeapAggregatingState<K, IN, TtlValue<ACC>, OUT> state =
        new HeapAggregatingState<>(
            this, descriptor,
            new TtlAggregateFunction<>(descriptor.getAggregateFunction(), policy));
    return new TtlAggregatingState<>(
        state, descriptor.getAggregateFunction(), policy,
        register(state, policy.valueFilter(), config));
  }

  /**
   * Registers the heap state under a TTL decorator and returns the hook to run before each of
   * its accesses: its incremental cleanup, or a no-op if it has none.
   */
  private <V> Runnable register(
      AbstractHeapState<K, V> state, TtlPolicy.ExpiredFilter<V> filter, StateTtlConfig config) {
    states.put(state.descriptor.getName(), state);
    StateTtlConfig.IncrementalCleanupStrategy strategy =
        config.getCleanupStrategies().effectiveIncrementalCleanup();
    if (strategy == null) {
      return NO_CLEANUP;
    }
    HeapTtlIncrementalCleanup<K, V> cleanup =
        new HeapTtlIncrementalCleanup<>(state.table, filter, clock, strategy.cleanupSize());
    if (strategy.runCleanupForEveryRecord()) {
      perRecordCleanups = Arrays.copyOf(perRecordCleanups, perRecordCleanups.length + 1);
      perRecordCleanups[perRecordCleanups.length - 1] = cleanup;
    }
    return cleanup;
  }

  /** Reads the entries of a restored state into the table of its new registration. */
  private void load(
      HeapRestoredState restoredState, AbstractHeapState<K, ?> state,
      StateSchemaResolution resolution) {
    if (resolution.migrationNeeded()) {
      LOG.info(
          "Migrating restored state '{}' of {} to its new serializers: {}",
          restoredState.meta.name(), operatorDescription, resolution.migrationReason());
    }
    if (restoredState.entries() == 0) {
      return;
    }
    StateTable<K, Object> table = objectState(state).table;
    try {
      TypeSerializer<K> keys = cast(restoredKeySerializer.restoreSerializer());
      restoredState.loadInto(
          table, keys, resolution.read(), keyGroupRange.startKeyGroup(), numberOfKeyGroups);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot restore state '" + restoredState.meta.name() + "' of " + operatorDescription
              + ": " + e.getMessage(), e);
    }
    if (keyClass == null) {
      for (int group = 0; group < table.numberOfGroups() && keyClass == null; group++) {
        for (boolean namespaced : new boolean[] {false, true}) {
          Object[] keys = table.keysOf(group, namespaced);
          if (keys.length > 0 && keyClass == null) {
            keyClass = declaredClass(keys[0]);
          }
        }
      }
    }
  }

  /**
   * Called by {@link #setCurrentKey} for a key of another class than {@link #keyClass}: records
   * the first key's class, and checks it against the restored keys' serializer once.
   */
  private void keyClassSeen(K key) {
    Class<?> declared = declaredClass(key);
    if (restoredKeySerializer != null && keySerializer == null) {
      TypeSerializer<Object> derived = deriveKeySerializer(declared);
      StateSchemaResolution.checkKeySerializer(restoredKeySerializer, derived, operatorDescription);
      keySerializer = derived;
      keyClass = declared;
    } else if (keyClass == null) {
      keyClass = declared;
    }
  }

  /** The class whose serializer writes {@code key}: an enum constant's enum, else its class. */
  private static Class<?> declaredClass(Object key) {
    return key instanceof Enum<?> constant ? constant.getDeclaringClass() : key.getClass();
  }

  private TypeSerializer<Object> deriveKeySerializer(Class<?> type) {
    try {
      return TypeSerializers.forClass(objects(type));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the keys of " + operatorDescription + " cannot be snapshotted: " + e.getMessage(), e);
    }
  }

  /**
   * The synchronous part of a snapshot; see {@link KeyedStateBackend#snapshot()}.
   *
   * <p><b>Cost.</b> O(states × key groups of the range): each state's table hands over its
   * key-group objects and marks them frozen, and each state's meta info (serializer snapshots)
   * is built; no entry is copied. Afterwards, while the snapshot runs, the first access to each
   * frozen key group copies that group's two hash maps (O(its entries), shallow), and the first
   * read or change of each mutable value (a list, a map, a mutable object) copies it with the
   * state's serializer; values of immutable types are never copied (see {@link StateTable}).
   *
   * @throws IllegalStateException if the backend is closed, or its keys or a state's values
   *     have no serializer (the message names the class and the fix)
   */
  @Override
  public KeyedStateSnapshot snapshot() {
    if (closed) {
      throw closedError();
    }
    TypeSerializer<K> keys = null;
    TypeSerializerSnapshot<?> keySnapshot = restoredKeySerializer;
    if (keyClass != null) {
      if (keySerializer == null) {
        TypeSerializer<Object> derived = deriveKeySerializer(keyClass);
        if (restoredKeySerializer != null) {
          StateSchemaResolution.checkKeySerializer(restoredKeySerializer, derived, operatorDescription);
        }
        keySerializer = derived;
      }
      keys = cast(keySerializer);
      keySnapshot = keySerializer.snapshotConfiguration();
    }
    long now = clock.getAsLong();
    List<KeyedStateMetaInfo> metas = new ArrayList<>();
    List<StateSerializers> serializers = new ArrayList<>();
    for (AbstractHeapState<K, ?> state : states.values()) {
      try {
        serializers.add(StateSerializers.of(state.descriptor, state.namespaceSerializer));
        metas.add(KeyedStateMetaInfo.of(state.descriptor, state.namespaceSerializer));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "cannot snapshot state '" + state.descriptor.getName() + "' of " + operatorDescription
                + ": " + e.getMessage(), e);
      }
    }
    // Nothing fails from here on: freeze the tables and count the snapshot as running.
    boolean othersRunning = runningSnapshots.getAndIncrement() > 0;
    List<HeapKeyedStateSnapshot.Part> parts = new ArrayList<>();
    int index = 0;
    for (AbstractHeapState<K, ?> state : states.values()) {
      AbstractHeapState<K, Object> objects = objectState(state);
      StateSerializers stateSerializers = serializers.get(index++);
      StateTtlConfig ttl = state.descriptor.getTtlConfig();
      TtlPolicy cleanup =
          ttl != null && ttl.getCleanupStrategies().inFullSnapshot() ? new TtlPolicy(ttl, clock) : null;
      StateTable.KeyGroupEntries<K, Object>[] frozen =
          objects.table.freeze(objects.copier(stateSerializers.value()), othersRunning);
      parts.add(
          new HeapKeyedStateSnapshot.StatePart<>(
              state.descriptor.getName(), state.descriptor.getKind(), frozen, keys,
              stateSerializers, cleanup, now, operatorDescription));
    }
    for (HeapRestoredState restoredState : restored.values()) {
      metas.add(restoredState.meta);
      parts.add(new HeapKeyedStateSnapshot.RestoredPart(restoredState));
    }
    KeyedSnapshotMeta meta =
        new KeyedSnapshotMeta(
            "heap backend of " + operatorDescription, numberOfKeyGroups, keyGroupRange,
            keySnapshot, metas);
    return new HeapKeyedStateSnapshot<>(meta, parts, runningSnapshots, operatorDescription);
  }

  /**
   * Restores from keyed snapshots; see {@link KeyedStateBackend#restore}. Restored states stay
   * in their snapshot bytes until the operator registers them (or a snapshot writes them back
   * unchanged); registration checks the new serializers and reads the entries into the heap.
   */
  @Override
  public void restore(List<? extends SnapshotInput> snapshots) throws IOException {
    Objects.requireNonNull(snapshots, "snapshots must not be null");
    if (closed) {
      throw closedError();
    }
    if (!states.isEmpty() || !restored.isEmpty() || currentKey != null || keyClass != null) {
      throw new IllegalStateException(
          "the keyed state backend of " + operatorDescription + " can only restore before it is"
              + " used: restore right after creating it, before any state or key");
    }
    int groups = keyGroupRange.size();
    KeyedSnapshotRestore.restore(
        snapshots, keyGroupRange, numberOfKeyGroups, operatorDescription,
        new KeyedSnapshotRestore.Target() {
          @Override
          public void begin(TypeSerializerSnapshot<?> keys, List<KeyedStateMetaInfo> metas) {
            restoredKeySerializer = keys;
            for (KeyedStateMetaInfo meta : metas) {
              restored.put(meta.name(), new HeapRestoredState(meta, groups));
            }
          }

          @Override
          public void restoreSection(
              KeyedStateMetaInfo state, int keyGroup, byte[] block, int from, int to,
              int entries) {
            HeapRestoredState restoredState = restored.get(state.name());
            int groupIndex = keyGroup - keyGroupRange.startKeyGroup();
            restoredState.sections[groupIndex] = Arrays.copyOfRange(block, from, to);
            restoredState.counts[groupIndex] = entries;
          }
        });
  }

  // A state's table holds the values its kind stores; the snapshot and restore code handles
  // them as Objects, typed again by the handles.
  @SuppressWarnings("unchecked")
  private static <K> AbstractHeapState<K, Object> objectState(AbstractHeapState<K, ?> state) {
    return (AbstractHeapState<K, Object>) state;
  }

  @SuppressWarnings("unchecked") // the serializer was derived from (or restored for) the keys
  private static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }

  @SuppressWarnings("unchecked") // only serializes values of that class
  private static Class<Object> objects(Class<?> type) {
    return (Class<Object>) type;
  }

  @Override
  public <N, S extends State> void applyToAllKeys(
      N namespace, StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function)
      throws Exception {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(function, "function must not be null");
    AbstractHeapState<K, ?> registered = states.get(descriptor.getName());
    S handle =
        registered == null
            ? getOrCreateKeyedState(descriptor)
            : getOrCreateKeyedState(registered.namespaceSerializer, descriptor);
    AbstractHeapState<K, ?> state = states.get(descriptor.getName());
    List<K> keys = state.table.keys(namespace);
    K previousKey = currentKey;
    int previousKeyGroup = currentKeyGroup;
    int previousKeyGroupIndex = currentKeyGroupIndex;
    Object previousNamespace = state.currentNamespace;
    try {
      state.setCurrentNamespace(namespace);
      for (K key : keys) {
        setCurrentKey(key);
        function.process(key, handle);
      }
    } finally {
      currentKey = previousKey;
      currentKeyGroup = previousKeyGroup;
      currentKeyGroupIndex = previousKeyGroupIndex;
      state.currentNamespace = previousNamespace;
    }
  }

  @Override
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    Objects.requireNonNull(namespace, "namespace must not be null");
    AbstractHeapState<K, ?> state = states.get(stateName);
    return state == null ? Stream.empty() : state.table.keys(namespace).stream();
  }

  @Override
  public int numStateEntries() {
    int entries = 0;
    for (AbstractHeapState<K, ?> state : states.values()) {
      entries += state.table.size();
    }
    for (HeapRestoredState restoredState : restored.values()) {
      entries += restoredState.entries();
    }
    return entries;
  }

  /** The number of (key, namespace) entries of one state; 0 for an unknown name. */
  public int numStateEntries(String stateName) {
    AbstractHeapState<K, ?> state = states.get(stateName);
    return state == null ? 0 : state.table.size();
  }

  @Override
  public void close() {
    closed = true;
    for (AbstractHeapState<K, ?> state : states.values()) {
      state.table.clear();
    }
    states.clear();
    handles.clear();
    restored.clear();
    perRecordCleanups = NO_CLEANUPS;
    currentKey = null;
    currentKeyGroup = -1;
    currentKeyGroupIndex = -1;
  }

  private IllegalStateException closedError() {
    return new IllegalStateException("the keyed state backend of " + operatorDescription + " is closed");
  }

  @Override
  public String toString() {
    return "HeapKeyedStateBackend{" + operatorDescription + ", " + keyGroupRange + ", states="
        + states.keySet() + (restored.isEmpty() ? "" : ", restored=" + restored.keySet()) + "}";
  }
}

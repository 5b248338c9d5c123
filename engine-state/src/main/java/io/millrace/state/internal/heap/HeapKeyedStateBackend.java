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
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.KeyedStates;
import io.millrace.state.internal.VoidNamespace;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

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
 * <p>Confined to the subtask's thread; not thread-safe.
 *
 * @param <K> the key type
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

  private final KeyGroupRange keyGroupRange;
  private final int numberOfKeyGroups;
  final String operatorDescription;
  private final Map<String, AbstractHeapState<K, ?>> states = new LinkedHashMap<>();
  /** The handles given to users: the heap state itself, or its TTL decorator. */
  private final Map<String, State> handles = new HashMap<>();
  private final LongSupplier clock;
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
    if (numberOfKeyGroups < 1
        || numberOfKeyGroups > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "numberOfKeyGroups must be in [1, " + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM
              + "], got " + numberOfKeyGroups);
    }
    if (keyGroupRange.endKeyGroup() >= numberOfKeyGroups) {
      throw new IllegalArgumentException(
          "keyGroupRange " + keyGroupRange + " exceeds numberOfKeyGroups " + numberOfKeyGroups);
    }
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
    if (key == null) {
      throw new NullPointerException(
          "key must not be null in " + operatorDescription
              + ": the key selector of keyBy(...) returned null for a record");
    }
    if (closed) {
      throw closedError();
    }
    int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException(
          "key " + key + " belongs to key group " + keyGroup + ", outside " + keyGroupRange
              + " of " + operatorDescription + ": is the key's hashCode() deterministic and consistent with equals()?");
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
      StateTtlConfig ttl = descriptor.getTtlConfig();
      handles.put(descriptor.getName(), ttl == null ? createState(descriptor) : createTtlState(descriptor, ttl));
      states.get(descriptor.getName()).namespaceSerializer = namespaceSerializer;
    } else {
      KeyedStates.checkCompatible(
          existing.descriptor, existing.namespaceSerializer, descriptor, namespaceSerializer,
          operatorDescription);
    }
    return asHandle(handles.get(descriptor.getName()), descriptor);
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
      throw unsupportedDescriptor(descriptor);
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
    throw unsupportedDescriptor(descriptor);
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

  private static IllegalArgumentException unsupportedDescriptor(StateDescriptor<?, ?> descriptor) {
    return new IllegalArgumentException(
        "unsupported state descriptor " + descriptor.getClass().getName() + " for state '"
            + descriptor.getName() + "': use one of the descriptors in io.millrace.state");
  }

  // Each createState branch builds the handle for exactly its descriptor class, and a
  // StateDescriptor<S, ?> of each of those classes has S = the handle's interface (e.g.
  // ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T>); registered handles are
  // only returned for a descriptor of the same kind.
  @SuppressWarnings("unchecked")
  private static <S extends State> S asHandle(State handle, StateDescriptor<S, ?> descriptor) {
    return (S) handle;
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
        + states.keySet() + "}";
  }
}

package io.millrace.state;

import java.util.Set;

/**
 * Where a {@code CheckpointedFunction} obtains operator (non-keyed) state in
 * {@code initializeState}: state of the whole parallel instance rather than of a key — source
 * offsets, buffered records, rules. It is checkpointed with the operator and redistributed when
 * the job restores with another parallelism, as the kind of state says:
 *
 * <ul>
 *   <li>{@link #getListState}: the lists of all instances are concatenated and split evenly
 *       over the new instances (at unchanged parallelism each gets its own list back);
 *   <li>{@link #getUnionListState}: every new instance gets the concatenation of all lists (and
 *       keeps what it needs);
 *   <li>{@link #getBroadcastState}: every instance holds an identical map; each new instance
 *       gets a copy.
 * </ul>
 *
 * <pre>{@code
 * public void initializeState(FunctionInitializationContext context) {
 *   offsets = context.getOperatorStateStore()
 *       .getListState(new ListStateDescriptor<>("offsets", Long.class));
 *   for (long offset : offsets.get()) { ... }   // restored offsets, if any
 * }
 * public void snapshotState(FunctionSnapshotContext context) throws Exception {
 *   offsets.update(List.of(currentOffset));
 * }
 * }</pre>
 *
 * <p>Used from the operator's thread only. The same name asked again returns the same state; a
 * name used for another kind of operator state, or with another serializer, fails with an
 * {@link IllegalStateException}. A state restored from a checkpoint is handed out by the first
 * request for its name, after its serializer is checked against the restored one (an
 * incompatible one fails naming the state and the reason).
 */
public interface OperatorStateStore {

  /**
   * The list state {@code descriptor} names, redistributed evenly on restore. Null elements
   * are rejected; {@code get()} returns an empty iterable when the list is empty.
   */
  <S> ListState<S> getListState(ListStateDescriptor<S> descriptor);

  /** The union list state {@code descriptor} names: every instance gets all lists on restore. */
  <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor);

  /**
   * The broadcast state {@code descriptor} names, creating it on first use. Every parallel
   * instance must apply the same changes (from the broadcast stream), so that all copies stay
   * identical.
   */
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

  /** The names of the list and union list states obtained so far. */
  Set<String> getRegisteredStateNames();

  /** The names of the broadcast states obtained so far. */
  Set<String> getRegisteredBroadcastStateNames();
}

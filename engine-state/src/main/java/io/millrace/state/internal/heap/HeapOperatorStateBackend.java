package io.millrace.state.internal.heap;

import io.millrace.state.BroadcastState;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.internal.OperatorStateBackend;
import io.millrace.state.internal.snapshot.OperatorSnapshot;
import io.millrace.state.internal.snapshot.OperatorStateEntries;
import io.millrace.state.internal.snapshot.OperatorStateMetaInfo;
import io.millrace.state.internal.snapshot.OperatorStateMetaInfo.Distribution;
import io.millrace.state.internal.snapshot.OperatorStateRedistribution;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.internal.snapshot.StateSnapshot;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.SchemaCompatibility;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The heap {@link OperatorStateBackend}: an {@link java.util.ArrayList} per list and union list
 * state and a {@link java.util.HashMap} per broadcast state, by name. Every backend keeps
 * operator state here (it is small).
 *
 * <p><b>Snapshots.</b> The synchronous part copies each state (elements and broadcast values
 * deep-copied with their serializers unless immutable); the asynchronous part serializes the
 * copies: list elements with the descriptor's serializer, broadcast keys and values with the
 * descriptor's key and value serializers made nullable. <b>Restore</b> reads the snapshots of
 * all old subtasks, takes this subtask's share ({@link OperatorStateRedistribution}) and keeps it
 * as bytes until each state is requested; then the descriptor's serializer is checked against
 * the restored snapshot (as is: read with it; after migration: read with the restored
 * serializer; incompatible: an {@link IllegalStateException} naming the state).
 *
 * <p>Confined to the subtask's thread, except that a snapshot may be written on another.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {

  private final String operatorDescription;
  private final int subtaskIndex;
  private final int parallelism;
  private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();
  private final Map<String, HeapOperatorListState<?>> listStates = new LinkedHashMap<>();
  /** This subtask's share of restored states not requested yet, by name. */
  private final Map<String, OperatorStateEntries> restored = new LinkedHashMap<>();
  private boolean restoredFromSnapshots;
  private boolean closed;

  /** An empty backend of subtask 0 of 1 of an unnamed operator (for tests and harnesses). */
  public HeapOperatorStateBackend() {
    this("an unnamed operator", 0, 1);
  }

  /**
   * An empty backend of subtask {@code subtaskIndex} of {@code parallelism};
   * {@code operatorDescription} (e.g. {@code "source@1 (Orders)"}) goes into error messages.
   *
   * @throws IllegalArgumentException if the index is not in {@code [0, parallelism)}
   */
  public HeapOperatorStateBackend(String operatorDescription, int subtaskIndex, int parallelism) {
    if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "subtaskIndex must be in [0, parallelism), got " + subtaskIndex + " of " + parallelism);
    }
    this.operatorDescription =
        operatorDescription == null ? "an unnamed operator" : operatorDescription;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
  }

  @Override
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    Objects.requireNonNull(descriptor, "descriptor must not be null");
    checkOpen();
    String name = descriptor.getName();
    if (listStates.containsKey(name)) {
      throw new IllegalStateException(
          "operator state '" + name + "' of " + operatorDescription + " is a list state and is"
              + " now requested as broadcast state: use a different name for each state");
    }
    HeapBroadcastState<?, ?> existing = broadcastStates.get(name);
    if (existing != null) {
      if (!Objects.equals(existing.keyClass, descriptor.getKeyClass())
          || !Objects.equals(existing.valueClass, descriptor.getValueClass())) {
        throw new IllegalStateException(
            "broadcast state '" + name + "' was registered with types "
                + typeNames(existing.keyClass, existing.valueClass) + " and is now requested with "
                + typeNames(descriptor.getKeyClass(), descriptor.getValueClass())
                + ": use a different name for each broadcast state");
      }
      return sameTypes(existing);
    }
    HeapBroadcastState<K, V> created = new HeapBroadcastState<>(descriptor);
    OperatorStateEntries restoredState = restored.get(name);
    if (restoredState != null) {
      requireDistribution(restoredState, Distribution.BROADCAST, name);
      TypeSerializer<K> keys =
          TypeSerializers.nullable(
              reader(restoredState.meta().elementSerializer(), descriptor.getKeySerializer(), name, "key"));
      TypeSerializer<V> values =
          TypeSerializers.nullable(
              reader(restoredState.meta().valueSerializer(), descriptor.getValueSerializer(), name, "value"));
      for (int i = 0; i < restoredState.elements().size(); i++) {
        created.put(
            read(keys, restoredState.elements().get(i), name),
            read(values, restoredState.values().get(i), name));
      }
      restored.remove(name);
    }
    broadcastStates.put(name, created);
    return created;
  }

  @Override
  public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
    return listState(descriptor, Distribution.SPLIT_DISTRIBUTE);
  }

  @Override
  public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
    return listState(descriptor, Distribution.UNION);
  }

  private <S> ListState<S> listState(ListStateDescriptor<S> descriptor, Distribution distribution) {
    Objects.requireNonNull(descriptor, "descriptor must not be null");
    checkOpen();
    String name = descriptor.getName();
    if (broadcastStates.containsKey(name)) {
      throw new IllegalStateException(
          "operator state '" + name + "' of " + operatorDescription + " is a broadcast state and"
              + " is now requested as " + describe(distribution) + ": use a different name for"
              + " each state");
    }
    HeapOperatorListState<?> existing = listStates.get(name);
    TypeSerializer<S> serializer = descriptor.getSerializer();
    if (existing != null) {
      if (existing.distribution != distribution) {
        throw new IllegalStateException(
            "operator state '" + name + "' of " + operatorDescription + " is a "
                + describe(existing.distribution) + " and is now requested as a "
                + describe(distribution) + ": use a different name for each state");
      }
      if (!existing.serializer.equals(serializer)) {
        throw new IllegalStateException(
            "operator state '" + name + "' of " + operatorDescription + " was registered with"
                + " elements written by " + existing.serializer + " and is now requested with "
                + serializer + ": use a different name for each state");
      }
      return sameElements(existing);
    }
    HeapOperatorListState<S> created = new HeapOperatorListState<>(descriptor, distribution, serializer);
    OperatorStateEntries restoredState = restored.get(name);
    if (restoredState != null) {
      requireDistribution(restoredState, distribution, name);
      TypeSerializer<S> elements =
          reader(restoredState.meta().elementSerializer(), serializer, name, "element");
      List<S> values = new ArrayList<>(restoredState.elements().size());
      for (byte[] element : restoredState.elements()) {
        values.add(read(elements, element, name));
      }
      created.update(values);
      restored.remove(name);
    }
    listStates.put(name, created);
    return created;
  }

  private void requireDistribution(OperatorStateEntries restoredState, Distribution requested, String name) {
    Distribution was = restoredState.meta().distribution();
    if (was != requested) {
      throw new IllegalStateException(
          "cannot restore operator state '" + name + "' of " + operatorDescription + ": it was a "
              + describe(was) + " and is now requested as a " + describe(requested)
              + "; give the new state another name");
    }
  }

  private static String describe(Distribution distribution) {
    return switch (distribution) {
      case SPLIT_DISTRIBUTE -> "list state (getListState)";
      case UNION -> "union list state (getUnionListState)";
      case BROADCAST -> "broadcast state (getBroadcastState)";
    };
  }

  /** The serializer that reads what was written under {@code restored}, checked against {@code current}. */
  private <T> TypeSerializer<T> reader(
      TypeSerializerSnapshot<?> restored, TypeSerializer<T> current, String name, String what) {
    @SuppressWarnings("unchecked") // the restored state held values of the requested type
    TypeSerializerSnapshot<T> snapshot = (TypeSerializerSnapshot<T>) restored;
    SchemaCompatibility compatibility = snapshot.resolveSchemaCompatibility(current);
    if (compatibility.isIncompatible()) {
      throw new IllegalStateException(
          "cannot restore operator state '" + name + "' of " + operatorDescription + ": its "
              + what + " serializer is incompatible with the restored data ("
              + compatibility.reason() + ")");
    }
    return compatibility.isCompatibleAsIs() ? current : snapshot.restoreSerializer();
  }

  private <T> T read(TypeSerializer<T> serializer, byte[] bytes, String name) {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    try {
      T value = serializer.deserialize(in);
      if (in.available() != 0) {
        throw new IOException(in.available() + " bytes left after reading an entry");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot restore operator state '" + name + "' of " + operatorDescription + ": "
              + e.getMessage(), e);
    }
  }

  // The state was registered under this name with the same key and value classes (checked by
  // the caller), so it holds Ks and Vs.
  @SuppressWarnings("unchecked")
  private static <K, V> BroadcastState<K, V> sameTypes(HeapBroadcastState<?, ?> state) {
    return (BroadcastState<K, V>) state;
  }

  // The state was registered under this name with an equal serializer (checked by the caller).
  @SuppressWarnings("unchecked")
  private static <S> ListState<S> sameElements(HeapOperatorListState<?> state) {
    return (ListState<S>) state;
  }

  private static String typeNames(Class<?> keyClass, Class<?> valueClass) {
    return "<" + (keyClass == null ? "?" : keyClass.getName()) + ", "
        + (valueClass == null ? "?" : valueClass.getName()) + ">";
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return Set.copyOf(listStates.keySet());
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return Set.copyOf(broadcastStates.keySet());
  }

  @Override
  public boolean isRestored() {
    return restoredFromSnapshots;
  }

  @Override
  public StateSnapshot snapshot() {
    checkOpen();
    List<Captured<?, ?>> captured = new ArrayList<>();
    for (HeapOperatorListState<?> state : listStates.values()) {
      captured.add(captureList(state));
    }
    for (HeapBroadcastState<?, ?> state : broadcastStates.values()) {
      captured.add(captureBroadcast(state));
    }
    return new Snapshot(captured, List.copyOf(restored.values()));
  }

  private <S> Captured<S, Void> captureList(HeapOperatorListState<S> state) {
    OperatorStateMetaInfo meta =
        new OperatorStateMetaInfo(
            state.descriptor.getName(), state.distribution, state.serializer.snapshotConfiguration(), null);
    return new Captured<>(meta, state.serializer, null, state.copy(), null);
  }

  private <K, V> Captured<K, V> captureBroadcast(HeapBroadcastState<K, V> state) {
    TypeSerializer<K> keys;
    TypeSerializer<V> values;
    try {
      keys = state.descriptor.getKeySerializer();
      values = state.descriptor.getValueSerializer();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot snapshot broadcast state '" + state.descriptor.getName() + "' of "
              + operatorDescription + ": " + e.getMessage(), e);
    }
    OperatorStateMetaInfo meta =
        new OperatorStateMetaInfo(
            state.descriptor.getName(), Distribution.BROADCAST, keys.snapshotConfiguration(),
            values.snapshotConfiguration());
    Map<K, V> copy = state.copy(values);
    List<K> keyList = new ArrayList<>(copy.keySet());
    List<V> valueList = new ArrayList<>(keyList.size());
    for (K key : keyList) {
      valueList.add(copy.get(key));
    }
    return new Captured<>(
        meta, TypeSerializers.nullable(keys), TypeSerializers.nullable(values), keyList, valueList);
  }

  /** One state copied by the synchronous part: elements (or keys) and values, with serializers. */
  private record Captured<E, V>(
      OperatorStateMetaInfo meta, TypeSerializer<E> elementSerializer,
      TypeSerializer<V> valueSerializer, List<E> elements, List<V> values) {

    OperatorStateEntries serialize() throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      List<byte[]> elementBytes = new ArrayList<>(elements.size());
      for (E element : elements) {
        out.clear();
        elementSerializer.serialize(element, out);
        elementBytes.add(out.getCopyOfBuffer());
      }
      List<byte[]> valueBytes = null;
      if (values != null) {
        valueBytes = new ArrayList<>(values.size());
        for (V value : values) {
          out.clear();
          valueSerializer.serialize(value, out);
          valueBytes.add(out.getCopyOfBuffer());
        }
      }
      return new OperatorStateEntries(meta, elementBytes, valueBytes);
    }
  }

  /** The asynchronous part: serializes the copies and writes them. */
  private final class Snapshot implements StateSnapshot {
    private final List<Captured<?, ?>> captured;
    private final List<OperatorStateEntries> restoredStates;
    private boolean written;
    private boolean closedSnapshot;

    Snapshot(List<Captured<?, ?>> captured, List<OperatorStateEntries> restoredStates) {
      this.captured = captured;
      this.restoredStates = restoredStates;
    }

    @Override
    public synchronized long writeTo(OutputStream out) throws IOException {
      if (written || closedSnapshot) {
        throw new IllegalStateException(
            "the operator state snapshot of " + operatorDescription + " was "
                + (written ? "written already" : "closed"));
      }
      written = true;
      List<OperatorStateEntries> states = new ArrayList<>();
      for (Captured<?, ?> state : captured) {
        try {
          states.add(state.serialize());
        } catch (IOException | RuntimeException e) {
          throw new IOException(
              "cannot write operator state '" + state.meta().name() + "' of " + operatorDescription
                  + " into its snapshot: " + e.getMessage(), e);
        }
      }
      states.addAll(restoredStates);
      return new OperatorSnapshot(operatorDescription, subtaskIndex, parallelism, states).writeTo(out);
    }

    @Override
    public synchronized void close() {
      closedSnapshot = true;
    }
  }

  @Override
  public void restore(List<? extends SnapshotInput> snapshots) throws IOException {
    Objects.requireNonNull(snapshots, "snapshots must not be null");
    checkOpen();
    if (!listStates.isEmpty() || !broadcastStates.isEmpty() || restoredFromSnapshots) {
      throw new IllegalStateException(
          "the operator state backend of " + operatorDescription + " can only restore once,"
              + " before any state is obtained");
    }
    if (snapshots.isEmpty()) {
      return;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader classLoader = context != null ? context : getClass().getClassLoader();
    List<OperatorSnapshot> old = new ArrayList<>();
    for (SnapshotInput input : snapshots) {
      old.add(OperatorSnapshot.read(input, classLoader));
    }
    for (OperatorStateEntries state :
        OperatorStateRedistribution.redistribute(old, subtaskIndex, parallelism, operatorDescription)) {
      restored.put(state.meta().name(), state);
    }
    restoredFromSnapshots = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the operator state backend of " + operatorDescription + " is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    for (HeapBroadcastState<?, ?> state : broadcastStates.values()) {
      state.clear();
    }
    broadcastStates.clear();
    for (HeapOperatorListState<?> state : listStates.values()) {
      state.clear();
    }
    listStates.clear();
    restored.clear();
  }

  @Override
  public String toString() {
    return "HeapOperatorStateBackend{" + operatorDescription + ", subtask " + subtaskIndex + " of "
        + parallelism + ", lists=" + listStates.keySet() + ", broadcast=" + broadcastStates.keySet()
        + "}";
  }
}

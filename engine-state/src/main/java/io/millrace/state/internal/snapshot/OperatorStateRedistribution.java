package io.millrace.state.internal.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which operator state a new subtask gets from the snapshots of all old subtasks (Apache
 * Flink's semantics, see {@link OperatorStateMetaInfo.Distribution}): list state is split
 * evenly — at unchanged parallelism each subtask gets exactly its own list back — union list
 * state goes to everyone whole, broadcast state is copied from one old subtask.
 */
public final class OperatorStateRedistribution {

  private OperatorStateRedistribution() {}

  /**
   * The states of new subtask {@code subtaskIndex} of {@code parallelism}, given the snapshots
   * of every old subtask in subtask order.
   *
   * @throws IllegalArgumentException if the snapshots are not those of subtasks 0, 1, ... of
   *     one parallelism, in order
   * @throws IllegalStateException if two snapshots describe a state differently
   */
  public static List<OperatorStateEntries> redistribute(
      List<OperatorSnapshot> old, int subtaskIndex, int parallelism, String operatorDescription) {
    if (old.isEmpty()) {
      return List.of();
    }
    int oldParallelism = old.size();
    for (int i = 0; i < oldParallelism; i++) {
      OperatorSnapshot snapshot = old.get(i);
      if (snapshot.subtaskIndex() != i || snapshot.parallelism() != oldParallelism) {
        throw new IllegalArgumentException(
            "cannot restore the operator state of " + operatorDescription + ": snapshot " + i
                + " of " + oldParallelism + " was written by subtask " + snapshot.subtaskIndex()
                + " of " + snapshot.parallelism() + "; pass the snapshots of every old subtask,"
                + " in subtask order");
      }
    }
    Map<String, OperatorStateMetaInfo> metas = new LinkedHashMap<>();
    for (OperatorSnapshot snapshot : old) {
      for (OperatorStateEntries state : snapshot.states()) {
        OperatorStateMetaInfo known = metas.putIfAbsent(state.meta().name(), state.meta());
        if (known != null && !known.hasSameSchemaAs(state.meta())) {
          throw new IllegalStateException(
              "cannot restore operator state '" + known.name() + "' of " + operatorDescription
                  + ": the old subtasks describe it differently (" + known.distribution() + " / "
                  + state.meta().distribution() + ", or other serializers)");
        }
      }
    }
    List<OperatorStateEntries> result = new ArrayList<>();
    for (OperatorStateMetaInfo meta : metas.values()) {
      result.add(
          switch (meta.distribution()) {
            case SPLIT_DISTRIBUTE -> split(meta, old, subtaskIndex, parallelism);
            case UNION -> concatenate(meta, old);
            case BROADCAST -> copy(meta, old, subtaskIndex);
          });
    }
    return result;
  }

  private static OperatorStateEntries split(
      OperatorStateMetaInfo meta, List<OperatorSnapshot> old, int subtaskIndex, int parallelism) {
    if (old.size() == parallelism) {
      OperatorStateEntries own = find(old.get(subtaskIndex), meta.name());
      return own != null ? own : new OperatorStateEntries(meta, List.of(), null);
    }
    List<byte[]> all = concatenate(meta, old).elements();
    int from = (int) ((long) subtaskIndex * all.size() / parallelism);
    int to = (int) ((long) (subtaskIndex + 1) * all.size() / parallelism);
    return new OperatorStateEntries(meta, all.subList(from, to), null);
  }

  private static OperatorStateEntries concatenate(OperatorStateMetaInfo meta, List<OperatorSnapshot> old) {
    List<byte[]> all = new ArrayList<>();
    for (OperatorSnapshot snapshot : old) {
      OperatorStateEntries state = find(snapshot, meta.name());
      if (state != null) {
        all.addAll(state.elements());
      }
    }
    return new OperatorStateEntries(meta, all, null);
  }

  private static OperatorStateEntries copy(
      OperatorStateMetaInfo meta, List<OperatorSnapshot> old, int subtaskIndex) {
    OperatorStateEntries preferred = find(old.get(subtaskIndex % old.size()), meta.name());
    if (preferred != null) {
      return preferred;
    }
    for (OperatorSnapshot snapshot : old) {
      OperatorStateEntries state = find(snapshot, meta.name());
      if (state != null) {
        return state;
      }
    }
    throw new IllegalStateException("no snapshot holds broadcast state '" + meta.name() + "'");
  }

  private static OperatorStateEntries find(OperatorSnapshot snapshot, String name) {
    for (OperatorStateEntries state : snapshot.states()) {
      if (state.meta().name().equals(name)) {
        return state;
      }
    }
    return null;
  }
}

package io.millrace.state.internal.snapshot;

import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores the key groups of one backend from keyed snapshots written by any number of
 * subtasks of either backend: the backend-independent half of
 * {@link io.millrace.state.internal.KeyedStateBackend#restore}.
 *
 * <p>{@link #restore} opens and checks every input first (header, footer, index, metadata),
 * then checks that they fit together: the same number of key groups as the restoring backend
 * (the max parallelism cannot change), one key serializer, one schema per state name, and every
 * key group of the restoring range in exactly one input. Only then does it hand the
 * {@link Target} the merged metadata and, key group by key group in ascending order, the
 * sections of the key groups the backend owns — each block checked (checksum, structure)
 * before any of its entries is handed out. Blocks of key groups outside the range are never
 * read.
 */
public final class KeyedSnapshotRestore {

  private KeyedSnapshotRestore() {}

  /** Where a restore puts what it reads: implemented by each backend. */
  public interface Target {
    /**
     * Called once before any section with the merged metadata.
     *
     * @param keySerializer the snapshot of the serializer that wrote the keys; {@code null} if
     *     no writer ever had a key (then no section follows)
     * @param states every state of any input, by name, first occurrence first
     */
    void begin(TypeSerializerSnapshot<?> keySerializer, List<KeyedStateMetaInfo> states)
        throws IOException;

    /**
     * The entries of {@code state} (one of the instances passed to {@link #begin}) in
     * {@code keyGroup}: bytes {@code [from, to)} of {@code block}, {@code entries} entries, to
     * be read with {@link SnapshotEntries}. The block array is not reused; a target may keep
     * it.
     */
    void restoreSection(
        KeyedStateMetaInfo state, int keyGroup, byte[] block, int from, int to, int entries)
        throws IOException;
  }

  /**
   * Restores {@code range} of a job with {@code numberOfKeyGroups} key groups from
   * {@code inputs} into {@code target}; {@code operatorDescription} goes into error messages.
   * Serializer snapshot classes load from the thread's context class loader (or this class's).
   * With no inputs, nothing happens.
   *
   * @throws CorruptSnapshotException if an input is unreadable
   * @throws IllegalArgumentException if the inputs do not fit together or do not cover the
   *     range (a missing or duplicate snapshot, another max parallelism)
   * @throws IllegalStateException if two inputs disagree on a serializer
   */
  public static void restore(
      List<? extends SnapshotInput> inputs, KeyGroupRange range, int numberOfKeyGroups,
      String operatorDescription, Target target) throws IOException {
    if (inputs.isEmpty()) {
      return;
    }
    ClassLoader classLoader = classLoader();
    List<KeyedSnapshotReader> readers = new ArrayList<>(inputs.size());
    for (SnapshotInput input : inputs) {
      KeyedSnapshotReader reader = KeyedSnapshotReader.open(input, classLoader);
      if (reader.meta().numberOfKeyGroups() != numberOfKeyGroups) {
        throw new IllegalArgumentException(
            "cannot restore " + operatorDescription + " from " + reader.description()
                + ": it was written with max parallelism " + reader.meta().numberOfKeyGroups()
                + " and the operator now has " + numberOfKeyGroups + "; the max parallelism of"
                + " a keyed operator cannot change across a restore (set it back with"
                + " setMaxParallelism)");
      }
      readers.add(reader);
    }
    TypeSerializerSnapshot<?> keySerializer = mergeKeySerializers(readers, operatorDescription);
    Map<String, KeyedStateMetaInfo> states = mergeStates(readers, operatorDescription);
    KeyedSnapshotReader[] owners = owners(readers, range, operatorDescription);
    target.begin(keySerializer, List.copyOf(states.values()));
    for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
      KeyedSnapshotReader reader = owners[keyGroup - range.startKeyGroup()];
      KeyedSnapshotReader.KeyGroupBlock block = reader.readKeyGroup(keyGroup);
      for (KeyedSnapshotReader.Section section : block.sections()) {
        KeyedStateMetaInfo state =
            states.get(reader.meta().states().get(section.stateIndex()).name());
        target.restoreSection(
            state, keyGroup, block.bytes(), section.from(), section.to(), section.entries());
      }
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : KeyedSnapshotRestore.class.getClassLoader();
  }

  private static TypeSerializerSnapshot<?> mergeKeySerializers(
      List<KeyedSnapshotReader> readers, String operatorDescription) {
    TypeSerializerSnapshot<?> first = null;
    String firstName = null;
    byte[] firstBytes = null;
    for (KeyedSnapshotReader reader : readers) {
      TypeSerializerSnapshot<?> keys = reader.meta().keySerializer();
      if (keys == null) {
        continue;
      }
      byte[] bytes = bytes(keys);
      if (first == null) {
        first = keys;
        firstName = reader.description();
        firstBytes = bytes;
      } else if (!Arrays.equals(firstBytes, bytes)) {
        throw new IllegalStateException(
            "cannot restore " + operatorDescription + ": " + firstName + " and "
                + reader.description() + " wrote their keys with different serializers; they"
                + " are not snapshots of one operator at one checkpoint");
      }
    }
    return first;
  }

  private static Map<String, KeyedStateMetaInfo> mergeStates(
      List<KeyedSnapshotReader> readers, String operatorDescription) {
    Map<String, KeyedStateMetaInfo> states = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (KeyedSnapshotReader reader : readers) {
      for (KeyedStateMetaInfo state : reader.meta().states()) {
        KeyedStateMetaInfo known = states.putIfAbsent(state.name(), state);
        if (known == null) {
          sources.put(state.name(), reader.description());
        } else if (!known.hasSameSchemaAs(state)) {
          throw new IllegalStateException(
              "cannot restore state '" + state.name() + "' of " + operatorDescription + ": "
                  + sources.get(state.name()) + " and " + reader.description() + " describe it"
                  + " differently (kind, TTL or serializers); restore from snapshots of one"
                  + " checkpoint, taken after every subtask registered the state with the same"
                  + " descriptor");
        }
      }
    }
    return states;
  }

  /** The reader holding each key group of {@code range}, checking each is in exactly one. */
  private static KeyedSnapshotReader[] owners(
      List<KeyedSnapshotReader> readers, KeyGroupRange range, String operatorDescription) {
    KeyedSnapshotReader[] owners = new KeyedSnapshotReader[range.size()];
    for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
      for (KeyedSnapshotReader reader : readers) {
        if (!reader.hasKeyGroup(keyGroup)) {
          continue;
        }
        KeyedSnapshotReader other = owners[keyGroup - range.startKeyGroup()];
        if (other != null) {
          throw new IllegalArgumentException(
              "cannot restore " + operatorDescription + ": key group " + keyGroup + " is in both "
                  + other.description() + " and " + reader.description()
                  + "; pass each subtask's snapshot of one checkpoint once");
        }
        owners[keyGroup - range.startKeyGroup()] = reader;
      }
      if (owners[keyGroup - range.startKeyGroup()] == null) {
        List<String> names = new ArrayList<>();
        for (KeyedSnapshotReader reader : readers) {
          names.add(reader.description() + " " + reader.meta().keyGroupRange());
        }
        throw new IllegalArgumentException(
            "cannot restore " + operatorDescription + " (" + range + "): key group " + keyGroup
                + " is in none of the snapshots " + names
                + "; pass the snapshots of every subtask of the operator");
      }
    }
    return owners;
  }

  private static byte[] bytes(TypeSerializerSnapshot<?> snapshot) {
    DataOutputSerializer out = new DataOutputSerializer(64);
    try {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.getCopyOfBuffer();
  }
}

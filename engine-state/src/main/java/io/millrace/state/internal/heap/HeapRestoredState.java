package io.millrace.state.internal.heap;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.snapshot.KeyedStateMetaInfo;
import io.millrace.state.internal.snapshot.SnapshotEntries;
import io.millrace.state.internal.snapshot.SnapshotFormat;
import io.millrace.state.internal.snapshot.StateSerializers;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * A state restored into a heap backend that the operator has not registered again yet: its
 * meta info and, per key group of the backend, its entries still in the snapshot's bytes. Kept
 * as bytes because only the registration says how to read them (the new serializers, or the
 * restored ones for a migration); a snapshot taken before that writes the bytes unchanged.
 * {@link #loadInto} turns them into objects in the state's table when the state is registered.
 */
final class HeapRestoredState {
  final KeyedStateMetaInfo meta;
  /** Per key-group index: the section's entries, or {@code null}. */
  final byte[][] sections;
  /** Per key-group index: the number of entries in the section. */
  final int[] counts;

  HeapRestoredState(KeyedStateMetaInfo meta, int numberOfGroups) {
    this.meta = meta;
    this.sections = new byte[numberOfGroups][];
    this.counts = new int[numberOfGroups];
  }

  /** The number of entries (map state: mappings) over all key groups. */
  int entries() {
    int entries = 0;
    for (int count : counts) {
      entries += count;
    }
    return entries;
  }

  /**
   * Reads every entry with {@code keys} and {@code read} and stores it in {@code table} (empty):
   * the value, the list of elements, or the mapping into the (key, namespace)'s map.
   *
   * @param firstKeyGroup the key group of index 0
   * @param numberOfKeyGroups the job's number of key groups, to check each key's group
   * @throws IOException if an entry does not read back as exactly its bytes
   * @throws IllegalStateException if a key's hash puts it in another key group than the one it
   *     was written in (a {@code hashCode()} that differs between JVMs)
   */
  <K> void loadInto(
      StateTable<K, Object> table, TypeSerializer<K> keys, StateSerializers read,
      int firstKeyGroup, int numberOfKeyGroups) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer();
    StateDescriptor.Kind kind = meta.kind();
    for (int groupIndex = 0; groupIndex < sections.length; groupIndex++) {
      byte[] bytes = sections[groupIndex];
      if (bytes == null) {
        continue;
      }
      int keyGroup = firstKeyGroup + groupIndex;
      SnapshotEntries entries = new SnapshotEntries(bytes, 0, bytes.length);
      while (entries.next()) {
        in.setBuffer(bytes, entries.keyOffset(), entries.keyLength());
        K key = keys.deserialize(in);
        Object namespace = read.namespace().deserialize(in);
        Object userKey = kind == StateDescriptor.Kind.MAP ? read.userKey().deserialize(in) : null;
        requireConsumed(in, "key");
        if (KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups) != keyGroup) {
          throw new IllegalStateException(
              "key " + key + " of state '" + meta.name() + "' was written in key group "
                  + keyGroup + " but now hashes to key group "
                  + KeyGroupRangeAssignment.assignToKeyGroup(key, numberOfKeyGroups)
                  + ": the key's hashCode() must depend only on its value (not on identity, as"
                  + " for enums and Object.hashCode()), so that it is the same in every JVM");
        }
        in.setBuffer(bytes, entries.valueOffset(), entries.valueLength());
        switch (kind) {
          case MAP -> {
            HashMap<Object, Object> map = asMap(table.get(key, groupIndex, namespace));
            if (map == null) {
              map = new HashMap<>();
              table.put(key, groupIndex, namespace, map);
            }
            map.put(userKey, read.value().deserialize(in));
          }
          case LIST -> table.put(key, groupIndex, namespace, readList(in, read.value()));
          default -> table.put(key, groupIndex, namespace, read.value().deserialize(in));
        }
        requireConsumed(in, "value");
      }
    }
  }

  /** Elements separated by {@link SnapshotFormat#LIST_DELIMITER}, as an {@link ArrayList}. */
  static ArrayList<Object> readList(DataInputDeserializer in, TypeSerializer<Object> elements)
      throws IOException {
    ArrayList<Object> list = new ArrayList<>();
    while (true) {
      list.add(elements.deserialize(in));
      if (in.available() == 0) {
        return list;
      }
      byte delimiter = in.readByte();
      if (delimiter != SnapshotFormat.LIST_DELIMITER) {
        throw new IOException(
            "expected the list delimiter after element " + list.size() + ", found byte "
                + delimiter + ": the element serializer does not read what was written");
      }
    }
  }

  private void requireConsumed(DataInputDeserializer in, String what) throws IOException {
    if (in.available() != 0) {
      throw new IOException(
          "a " + what + " of state '" + meta.name() + "' has " + in.available()
              + " bytes left after reading it: the serializers do not read what was written");
    }
  }

  // Map state stores HashMaps (HeapMapState); the table is viewed as Object-valued here.
  @SuppressWarnings("unchecked")
  private static HashMap<Object, Object> asMap(Object value) {
    return (HashMap<Object, Object>) value;
  }
}

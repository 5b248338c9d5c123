package io.millrace.state.internal.heap;

import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.snapshot.AbstractKeyedStateSnapshot;
import io.millrace.state.internal.snapshot.KeyedSnapshotMeta;
import io.millrace.state.internal.snapshot.KeyedSnapshotWriter;
import io.millrace.state.internal.snapshot.SnapshotFormat;
import io.millrace.state.internal.snapshot.StateSerializers;
import io.millrace.state.internal.ttl.TtlPolicy;
import io.millrace.state.internal.ttl.TtlValue;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A snapshot of a {@link HeapKeyedStateBackend}: the key groups its states' tables froze in the
 * synchronous part (see {@link StateTable}), and the byte sections of restored states not
 * registered again; {@link #writeTo} serializes them in the keyed snapshot format on any thread.
 * Releasing it lowers the backend's count of running snapshots, which ends the copy on write
 * once no snapshot runs.
 *
 * @param <K> the key type
 */
final class HeapKeyedStateSnapshot<K> extends AbstractKeyedStateSnapshot {

  /** What one state contributes to every key group's block. */
  interface Part {
    void write(KeyedSnapshotWriter writer, int stateIndex, int groupIndex, Buffers buffers)
        throws IOException;
  }

  /** Reused serialization buffers of one write. */
  static final class Buffers {
    final DataOutputSerializer prefix = new DataOutputSerializer(64);
    final DataOutputSerializer key = new DataOutputSerializer(64);
    final DataOutputSerializer value = new DataOutputSerializer(256);
  }

  private final AtomicInteger runningSnapshots;
  private final List<Part> parts;
  private final String operatorDescription;

  HeapKeyedStateSnapshot(
      KeyedSnapshotMeta meta, List<Part> parts, AtomicInteger runningSnapshots,
      String operatorDescription) {
    super(meta);
    this.parts = List.copyOf(parts);
    this.runningSnapshots = runningSnapshots;
    this.operatorDescription = operatorDescription;
  }

  @Override
  protected long write(OutputStream out) throws IOException {
    KeyedSnapshotWriter writer = new KeyedSnapshotWriter(out, meta());
    Buffers buffers = new Buffers();
    int first = meta().keyGroupRange().startKeyGroup();
    for (int keyGroup = first; keyGroup <= meta().keyGroupRange().endKeyGroup(); keyGroup++) {
      writer.beginKeyGroup(keyGroup);
      for (int state = 0; state < parts.size(); state++) {
        parts.get(state).write(writer, state, keyGroup - first, buffers);
      }
      writer.endKeyGroup();
    }
    return writer.finish();
  }

  @Override
  protected void release() {
    runningSnapshots.decrementAndGet();
  }

  /** A restored state not registered again: its sections, unchanged. */
  record RestoredPart(HeapRestoredState restored) implements Part {
    @Override
    public void write(KeyedSnapshotWriter writer, int stateIndex, int groupIndex, Buffers buffers)
        throws IOException {
      byte[] section = restored.sections[groupIndex];
      if (section != null) {
        writer.writeRawEntries(stateIndex, section, 0, section.length, restored.counts[groupIndex]);
      }
    }
  }

  /**
   * A registered state: its frozen key groups, written with its serializers; with
   * {@code cleanup}, values (elements, mappings) expired at {@code now} are left out.
   */
  record StatePart<K>(
      String name,
      StateDescriptor.Kind kind,
      StateTable.KeyGroupEntries<K, Object>[] groups,
      TypeSerializer<K> keys,
      StateSerializers serializers,
      TtlPolicy cleanup,
      long now,
      String operatorDescription)
      implements Part {

    @Override
    public void write(KeyedSnapshotWriter writer, int stateIndex, int groupIndex, Buffers buffers)
        throws IOException {
      StateTable.KeyGroupEntries<K, Object> group = groups[groupIndex];
      try {
        for (Map.Entry<K, Object> entry : group.voidNamespace.entrySet()) {
          writeStored(writer, stateIndex, entry.getKey(), VoidNamespace.INSTANCE, entry.getValue(), buffers);
        }
        for (Map.Entry<K, HashMap<Object, Object>> entry : group.namespaced.entrySet()) {
          for (Map.Entry<Object, Object> value : entry.getValue().entrySet()) {
            writeStored(writer, stateIndex, entry.getKey(), value.getKey(), value.getValue(), buffers);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(
            "cannot write state '" + name + "' of " + operatorDescription + " into its snapshot: "
                + e.getMessage(), e);
      }
    }

    private void writeStored(
        KeyedSnapshotWriter writer, int stateIndex, K key, Object namespace, Object stored,
        Buffers buffers) throws IOException {
      DataOutputSerializer prefix = buffers.prefix;
      DataOutputSerializer value = buffers.value;
      prefix.clear();
      keys.serialize(key, prefix);
      serializers.namespace().serialize(namespace, prefix);
      switch (kind) {
        case MAP -> {
          DataOutputSerializer entryKey = buffers.key;
          for (Map.Entry<?, ?> mapping : ((Map<?, ?>) stored).entrySet()) {
            if (expired(mapping.getValue())) {
              continue;
            }
            entryKey.clear();
            entryKey.write(prefix.getSharedBuffer(), 0, prefix.length());
            serializers.userKey().serialize(mapping.getKey(), entryKey);
            value.clear();
            serializers.value().serialize(mapping.getValue(), value);
            writer.writeEntry(
                stateIndex, entryKey.getSharedBuffer(), entryKey.length(),
                value.getSharedBuffer(), value.length());
          }
        }
        case LIST -> {
          value.clear();
          boolean any = false;
          for (Object element : (List<?>) stored) {
            if (expired(element)) {
              continue;
            }
            if (any) {
              value.write(SnapshotFormat.LIST_DELIMITER);
            }
            serializers.value().serialize(element, value);
            any = true;
          }
          if (any) {
            writer.writeEntry(
                stateIndex, prefix.getSharedBuffer(), prefix.length(), value.getSharedBuffer(),
                value.length());
          }
        }
        default -> {
          if (expired(stored)) {
            return;
          }
          value.clear();
          serializers.value().serialize(stored, value);
          writer.writeEntry(
              stateIndex, prefix.getSharedBuffer(), prefix.length(), value.getSharedBuffer(),
              value.length());
        }
      }
    }

    private boolean expired(Object stored) {
      return cleanup != null && stored != null && cleanup.isExpired((TtlValue<?>) stored, now);
    }
  }

  @Override
  public String toString() {
    return "HeapKeyedStateSnapshot{" + operatorDescription + ", " + meta().keyGroupRange() + "}";
  }
}

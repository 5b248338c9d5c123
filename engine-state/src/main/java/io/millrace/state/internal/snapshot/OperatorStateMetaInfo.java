package io.millrace.state.internal.snapshot;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an operator snapshot records about one operator (non-keyed) state besides its entries.
 *
 * @param name the state's name, unique per operator
 * @param distribution how the state is handed out on restore
 * @param elementSerializer a list's element serializer snapshot, or a broadcast state's key
 *     serializer snapshot
 * @param valueSerializer a broadcast state's value serializer snapshot; {@code null} for lists
 */
public record OperatorStateMetaInfo(
    String name,
    Distribution distribution,
    TypeSerializerSnapshot<?> elementSerializer,
    TypeSerializerSnapshot<?> valueSerializer) {

  /** How a state's entries go to the subtasks of a restored operator (Apache Flink's modes). */
  public enum Distribution {
    /**
     * List state: the elements of all old subtasks, concatenated in subtask order, are split
     * into as many contiguous, even parts as there are new subtasks; at unchanged parallelism
     * each subtask gets its own list back.
     */
    SPLIT_DISTRIBUTE,
    /** Union list state: every new subtask gets the elements of all old subtasks. */
    UNION,
    /** Broadcast state: every new subtask gets a copy of one old subtask's (identical) map. */
    BROADCAST
  }

  /** Checks that a broadcast state, and only one, has a value serializer. */
  public OperatorStateMetaInfo {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(distribution, "distribution must not be null");
    Objects.requireNonNull(elementSerializer, "elementSerializer must not be null");
    if ((distribution == Distribution.BROADCAST) != (valueSerializer != null)) {
      throw new IllegalArgumentException(
          "operator state '" + name + "' (" + distribution + ") "
              + (valueSerializer == null ? "needs" : "has no") + " value serializer");
    }
  }

  void write(DataOutputView out) throws IOException {
    out.writeUTF(name);
    out.writeByte(distribution.ordinal());
    TypeSerializerSnapshot.writeVersionedSnapshot(out, elementSerializer);
    if (valueSerializer != null) {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, valueSerializer);
    }
  }

  static OperatorStateMetaInfo read(DataInputView in, ClassLoader classLoader) throws IOException {
    String name = in.readUTF();
    int mode = in.readUnsignedByte();
    Distribution[] modes = Distribution.values();
    if (mode >= modes.length) {
      throw new IOException("unknown distribution " + mode + " of operator state '" + name + "'");
    }
    TypeSerializerSnapshot<?> elements = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
    TypeSerializerSnapshot<?> values =
        modes[mode] == Distribution.BROADCAST
            ? TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader)
            : null;
    return new OperatorStateMetaInfo(name, modes[mode], elements, values);
  }

  /** Whether {@code other} describes the same state with the same serializer snapshots. */
  public boolean hasSameSchemaAs(OperatorStateMetaInfo other) {
    return Arrays.equals(toBytes(), other.toBytes());
  }

  private byte[] toBytes() {
    DataOutputSerializer out = new DataOutputSerializer(64);
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.getCopyOfBuffer();
  }
}

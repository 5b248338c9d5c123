package io.millrace.state.internal.snapshot;

import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The operator (non-keyed) state of one subtask in serialized form, and its file format:
 * magic {@code "MROS"}, format version, one checksummed section, footer magic {@code "MROE"}.
 * The section holds the writer's description, its subtask index and parallelism, and per state
 * its {@link OperatorStateMetaInfo} and entries (each a variable-length size and the bytes).
 * Operator state is small (offsets, buffers, rules), so a snapshot is written and read whole.
 *
 * @param writer the writing operator, for error messages
 * @param subtaskIndex the writing subtask's index
 * @param parallelism the writing operator's parallelism
 * @param states the states
 */
public record OperatorSnapshot(
    String writer, int subtaskIndex, int parallelism, List<OperatorStateEntries> states) {

  /** Copies the list and checks the subtask index. */
  public OperatorSnapshot {
    Objects.requireNonNull(writer, "writer must not be null");
    states = List.copyOf(states);
    if (parallelism < 1 || subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "subtask index " + subtaskIndex + " must be in [0, " + parallelism + ")");
    }
  }

  /** Writes this snapshot to {@code out} (not closed); returns the bytes written. */
  public long writeTo(OutputStream out) throws IOException {
    DataOutputSerializer content = new DataOutputSerializer(1024);
    content.writeUTF(writer);
    content.writeInt(subtaskIndex);
    content.writeInt(parallelism);
    content.writeInt(states.size());
    for (OperatorStateEntries state : states) {
      state.meta().write(content);
      content.writeInt(state.elements().size());
      for (int i = 0; i < state.elements().size(); i++) {
        writeBytes(content, state.elements().get(i));
        if (state.values() != null) {
          writeBytes(content, state.values().get(i));
        }
      }
    }
    SnapshotOutput output = new SnapshotOutput(out);
    output.writeInt(SnapshotFormat.OPERATOR_MAGIC);
    output.writeInt(SnapshotFormat.VERSION);
    output.writeSection(content.getCopyOfBuffer());
    output.writeInt(SnapshotFormat.OPERATOR_FOOTER_MAGIC);
    output.flush();
    return output.position();
  }

  private static void writeBytes(DataOutputSerializer out, byte[] bytes) {
    int value = bytes.length;
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
    out.write(bytes);
  }

  /**
   * Reads the operator snapshot in {@code input}; serializer snapshot classes load from
   * {@code classLoader}.
   *
   * @throws CorruptSnapshotException if it is truncated, corrupt or not an operator snapshot
   */
  public static OperatorSnapshot read(SnapshotInput input, ClassLoader classLoader)
      throws IOException {
    String name = input.description();
    long size = input.size();
    if (size < SnapshotFormat.HEADER_BYTES + SnapshotFormat.SECTION_OVERHEAD + 4) {
      throw new CorruptSnapshotException(
          name, "it has " + size + " bytes, too few for an operator state snapshot: truncated or empty");
    }
    byte[] header = new byte[SnapshotFormat.HEADER_BYTES];
    input.readFully(0, header, 0, header.length);
    int magic = SnapshotFormat.getInt(header, 0);
    if (magic != SnapshotFormat.OPERATOR_MAGIC) {
      throw new CorruptSnapshotException(
          name, "it is not an operator state snapshot (it starts with 0x" + Integer.toHexString(magic) + ")");
    }
    if (SnapshotFormat.getInt(header, 4) != SnapshotFormat.VERSION) {
      throw new CorruptSnapshotException(
          name, "it is in operator snapshot format version " + SnapshotFormat.getInt(header, 4)
              + "; this version of Millrace reads version " + SnapshotFormat.VERSION);
    }
    byte[] footer = new byte[4];
    input.readFully(size - 4, footer, 0, 4);
    if (SnapshotFormat.getInt(footer, 0) != SnapshotFormat.OPERATOR_FOOTER_MAGIC) {
      throw new CorruptSnapshotException(
          name, "it does not end with the operator snapshot footer: it is truncated (" + size
              + " bytes) or was not completely written");
    }
    byte[] content = SnapshotFormat.readSection(input, SnapshotFormat.HEADER_BYTES, "operator state");
    if (SnapshotFormat.HEADER_BYTES + SnapshotFormat.SECTION_OVERHEAD + content.length + 4 != size) {
      throw new CorruptSnapshotException(name, "its section does not end at the footer");
    }
    try {
      return parse(content, classLoader);
    } catch (IOException | RuntimeException e) {
      throw new CorruptSnapshotException(name, "its content cannot be read: " + e.getMessage(), e);
    }
  }

  private static OperatorSnapshot parse(byte[] content, ClassLoader classLoader) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(content);
    String writer = in.readUTF();
    int subtaskIndex = in.readInt();
    int parallelism = in.readInt();
    int count = in.readInt();
    List<OperatorStateEntries> states = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OperatorStateMetaInfo meta = OperatorStateMetaInfo.read(in, classLoader);
      int entries = in.readInt();
      if (entries < 0 || entries > in.available()) {
        throw new IOException("operator state '" + meta.name() + "' claims " + entries + " entries");
      }
      boolean broadcast = meta.distribution() == OperatorStateMetaInfo.Distribution.BROADCAST;
      List<byte[]> elements = new ArrayList<>(entries);
      List<byte[]> values = broadcast ? new ArrayList<>(entries) : null;
      for (int e = 0; e < entries; e++) {
        elements.add(readBytes(in));
        if (broadcast) {
          values.add(readBytes(in));
        }
      }
      states.add(new OperatorStateEntries(meta, elements, values));
    }
    if (in.available() != 0) {
      throw new IOException(in.available() + " bytes after the last state");
    }
    return new OperatorSnapshot(writer, subtaskIndex, parallelism, states);
  }

  private static byte[] readBytes(DataInputDeserializer in) throws IOException {
    int length = 0;
    for (int shift = 0; ; shift += 7) {
      if (shift >= 32) {
        throw new IOException("malformed length");
      }
      int b = in.readByte();
      length |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (length < 0 || length > in.available()) {
      throw new IOException("an entry of " + length + " bytes runs past the end");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}

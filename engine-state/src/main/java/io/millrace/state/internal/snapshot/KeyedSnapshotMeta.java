package io.millrace.state.internal.snapshot;

import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The metadata section of a keyed snapshot: who wrote it, for which key groups, the key
 * serializer and every state's {@link KeyedStateMetaInfo}. A state's index in {@link #states()}
 * is how the key-group blocks refer to it.
 *
 * @param writer the writing backend and operator, e.g. {@code "heap backend of map@2 (Counts)"};
 *     for error messages only
 * @param numberOfKeyGroups the job's number of key groups (max parallelism)
 * @param keyGroupRange the key groups the writer owned; the snapshot has a block for each
 * @param keySerializer the snapshot of the key serializer; {@code null} if the writer never saw
 *     a key (then no state has entries)
 * @param states the states, in the order the blocks index them
 */
public record KeyedSnapshotMeta(
    String writer,
    int numberOfKeyGroups,
    KeyGroupRange keyGroupRange,
    TypeSerializerSnapshot<?> keySerializer,
    List<KeyedStateMetaInfo> states) {

  /** Copies the list and checks the range fits the number of key groups. */
  public KeyedSnapshotMeta {
    Objects.requireNonNull(writer, "writer must not be null");
    Objects.requireNonNull(keyGroupRange, "keyGroupRange must not be null");
    states = List.copyOf(states);
    if (keyGroupRange.endKeyGroup() >= numberOfKeyGroups) {
      throw new IllegalArgumentException(
          keyGroupRange + " exceeds numberOfKeyGroups " + numberOfKeyGroups);
    }
  }

  /** The section's bytes. */
  byte[] toBytes() {
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      out.writeUTF(writer);
      out.writeInt(numberOfKeyGroups);
      out.writeInt(keyGroupRange.startKeyGroup());
      out.writeInt(keyGroupRange.endKeyGroup());
      out.writeBoolean(keySerializer != null);
      if (keySerializer != null) {
        TypeSerializerSnapshot.writeVersionedSnapshot(out, keySerializer);
      }
      out.writeInt(states.size());
      for (KeyedStateMetaInfo state : states) {
        state.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the metadata of " + writer, e);
    }
    return out.getCopyOfBuffer();
  }

  /**
   * Reads the section's bytes.
   *
   * @throws CorruptSnapshotException if they do not parse (the checksum matched, so the writer
   *     and reader disagree: a serializer snapshot that does not read what it wrote, or a class
   *     that is missing now)
   */
  static KeyedSnapshotMeta fromBytes(byte[] bytes, String description, ClassLoader classLoader)
      throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    try {
      String writer = in.readUTF();
      int numberOfKeyGroups = in.readInt();
      KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
      TypeSerializerSnapshot<?> keys =
          in.readBoolean() ? TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader) : null;
      int count = in.readInt();
      if (count < 0) {
        throw new IOException("negative state count " + count);
      }
      List<KeyedStateMetaInfo> states = new ArrayList<>(Math.min(count, 1024));
      for (int i = 0; i < count; i++) {
        states.add(KeyedStateMetaInfo.read(in, classLoader));
      }
      if (in.available() != 0) {
        throw new IOException(in.available() + " unexpected bytes after the last state");
      }
      return new KeyedSnapshotMeta(writer, numberOfKeyGroups, range, keys, states);
    } catch (IOException | RuntimeException e) {
      throw new CorruptSnapshotException(
          description, "its metadata section cannot be read: " + e.getMessage(), e);
    }
  }
}

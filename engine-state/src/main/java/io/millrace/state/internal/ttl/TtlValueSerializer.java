package io.millrace.state.internal.ttl;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.SchemaCompatibility;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes a {@link TtlValue} as its last-access timestamp (8 bytes, big-endian) followed by the
 * user value through the user's serializer: how a backend that stores bytes (RocksDB) keeps
 * the value, list element or map entry of a state with TTL.
 *
 * <p>The timestamp comes first so that a background cleanup can decide expiry with
 * {@link #readTimestamp} without deserializing the user value. The user serializer must accept
 * every user value the state stores ({@code null} only for map values: pass a
 * {@link io.millrace.state.serialization.TypeSerializers#nullable nullable} one there).
 *
 * @param <T> the user value type
 */
public final class TtlValueSerializer<T> extends TypeSerializer<TtlValue<T>> {
  private static final long serialVersionUID = 1L;

  /** The bytes of the timestamp in front of every user value. */
  public static final int TIMESTAMP_BYTES = Long.BYTES;

  private final TypeSerializer<T> userSerializer;

  /** Stamped values whose user values are written by {@code userSerializer}. */
  public TtlValueSerializer(TypeSerializer<T> userSerializer) {
    this.userSerializer = Objects.requireNonNull(userSerializer, "userSerializer must not be null");
  }

  /** The serializer of the user values. */
  public TypeSerializer<T> userSerializer() {
    return userSerializer;
  }

  /**
   * The last-access timestamp of the serialized {@link TtlValue} starting at {@code offset} of
   * {@code bytes}.
   *
   * @throws IndexOutOfBoundsException if fewer than {@link #TIMESTAMP_BYTES} bytes follow
   */
  public static long readTimestamp(byte[] bytes, int offset) {
    Objects.checkFromIndexSize(offset, TIMESTAMP_BYTES, bytes.length);
    long timestamp = 0;
    for (int i = 0; i < TIMESTAMP_BYTES; i++) {
      timestamp = (timestamp << 8) | (bytes[offset + i] & 0xFF);
    }
    return timestamp;
  }

  @Override
  public void serialize(TtlValue<T> value, DataOutputView out) throws IOException {
    out.writeLong(value.lastAccessTimestamp());
    userSerializer.serialize(value.userValue(), out);
  }

  @Override
  public TtlValue<T> deserialize(DataInputView in) throws IOException {
    long timestamp = in.readLong();
    return new TtlValue<>(userSerializer.deserialize(in), timestamp);
  }

  @Override
  public TtlValue<T> copy(TtlValue<T> value) {
    if (userSerializer.isImmutableType() || value.userValue() == null) {
      return value;
    }
    return new TtlValue<>(userSerializer.copy(value.userValue()), value.lastAccessTimestamp());
  }

  @Override
  public boolean isImmutableType() {
    return userSerializer.isImmutableType();
  }

  @Override
  public TypeSerializerSnapshot<TtlValue<T>> snapshotConfiguration() {
    return new Snapshot<>(userSerializer.snapshotConfiguration());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TtlValueSerializer<?> that && userSerializer.equals(that.userSerializer);
  }

  @Override
  public int hashCode() {
    return 31 * TtlValueSerializer.class.hashCode() + userSerializer.hashCode();
  }

  @Override
  public String toString() {
    return "TtlValueSerializer(" + userSerializer + ")";
  }

  /** The snapshot: the user serializer's snapshot; the timestamp's format never changes. */
  static final class Snapshot<T> implements TypeSerializerSnapshot<TtlValue<T>> {
    private TypeSerializerSnapshot<T> userSnapshot;

    @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
    private Snapshot() {}

    Snapshot(TypeSerializerSnapshot<T> userSnapshot) {
      this.userSnapshot = userSnapshot;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, userSnapshot);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      userSnapshot = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
    }

    @Override
    public TypeSerializer<TtlValue<T>> restoreSerializer() {
      return new TtlValueSerializer<>(userSnapshot.restoreSerializer());
    }

    @Override
    public SchemaCompatibility resolveSchemaCompatibility(
        TypeSerializer<TtlValue<T>> newSerializer) {
      if (!(newSerializer instanceof TtlValueSerializer<T> ttl)) {
        return SchemaCompatibility.incompatible(
            "state was written with TTL timestamps but the new serializer is " + newSerializer
                + " (was TTL disabled?)");
      }
      return userSnapshot.resolveSchemaCompatibility(ttl.userSerializer());
    }
  }
}

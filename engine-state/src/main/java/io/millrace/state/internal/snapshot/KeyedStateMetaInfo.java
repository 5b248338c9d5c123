package io.millrace.state.internal.snapshot;

import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a keyed snapshot records about one state besides its entries: enough to read the entries
 * back without the job's descriptor, and to check the descriptor the job later registers.
 *
 * <p>The serializer snapshots are those of the <em>user's</em> serializers; the snapshot format
 * adds the wrappers itself (see {@link StateSerializers}): {@code null} markers around map
 * keys and values, and the TTL timestamp in front of every value, element or map value when
 * {@link #ttl()} is set.
 *
 * <p>Equality of two instances is identity of their serializer snapshots (which have no
 * {@code equals}); {@link #hasSameSchemaAs} compares what they write.
 *
 * @param name the state's name, unique per operator
 * @param kind the kind of state
 * @param ttl whether values carry TTL timestamps
 * @param namespaceSerializer the snapshot of the namespace serializer
 * @param valueSerializer the snapshot of the value serializer: the value or accumulator, a list
 *     element, or a map's user value
 * @param userKeySerializer the snapshot of a map state's user key serializer; {@code null} for
 *     the other kinds
 */
public record KeyedStateMetaInfo(
    String name,
    StateDescriptor.Kind kind,
    boolean ttl,
    TypeSerializerSnapshot<?> namespaceSerializer,
    TypeSerializerSnapshot<?> valueSerializer,
    TypeSerializerSnapshot<?> userKeySerializer) {

  /** Checks that the parts the kind needs are there. */
  public KeyedStateMetaInfo {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(namespaceSerializer, "namespaceSerializer must not be null");
    Objects.requireNonNull(valueSerializer, "valueSerializer must not be null");
    if ((kind == StateDescriptor.Kind.MAP) != (userKeySerializer != null)) {
      throw new IllegalArgumentException(
          "state '" + name + "' of kind " + kind + (userKeySerializer == null ? " needs" : " has no")
              + " user key serializer");
    }
  }

  /** The meta info of the state {@code descriptor} registered with {@code namespaceSerializer}. */
  public static KeyedStateMetaInfo of(
      StateDescriptor<?, ?> descriptor, TypeSerializer<?> namespaceSerializer) {
    TypeSerializerSnapshot<?> userKeys =
        descriptor instanceof MapStateDescriptor<?, ?> map
            ? map.getKeySerializer().snapshotConfiguration()
            : null;
    return new KeyedStateMetaInfo(
        descriptor.getName(), descriptor.getKind(), descriptor.getTtlConfig() != null,
        namespaceSerializer.snapshotConfiguration(),
        userValueSerializer(descriptor).snapshotConfiguration(), userKeys);
  }

  /**
   * The user's serializer of {@code descriptor}'s values as this class means it: the value or
   * accumulator serializer, a list's element serializer, a map's user value serializer.
   */
  public static TypeSerializer<?> userValueSerializer(StateDescriptor<?, ?> descriptor) {
    return descriptor instanceof MapStateDescriptor<?, ?> map
        ? map.getValueSerializer()
        : descriptor.getSerializer();
  }

  /** Writes this meta info. */
  public void write(DataOutputView out) throws IOException {
    out.writeUTF(name);
    out.writeByte(kind.ordinal());
    out.writeBoolean(ttl);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, namespaceSerializer);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, valueSerializer);
    out.writeBoolean(userKeySerializer != null);
    if (userKeySerializer != null) {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, userKeySerializer);
    }
  }

  /** Reads a meta info written by {@link #write}; classes come from {@code classLoader}. */
  public static KeyedStateMetaInfo read(DataInputView in, ClassLoader classLoader)
      throws IOException {
    String name = in.readUTF();
    int kind = in.readUnsignedByte();
    StateDescriptor.Kind[] kinds = StateDescriptor.Kind.values();
    if (kind >= kinds.length) {
      throw new IOException("unknown state kind " + kind + " for state '" + name + "'");
    }
    boolean ttl = in.readBoolean();
    TypeSerializerSnapshot<?> namespaces = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
    TypeSerializerSnapshot<?> values = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
    TypeSerializerSnapshot<?> userKeys =
        in.readBoolean() ? TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader) : null;
    try {
      return new KeyedStateMetaInfo(name, kinds[kind], ttl, namespaces, values, userKeys);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The bytes {@link #write} writes. */
  public byte[] toBytes() {
    DataOutputSerializer out = new DataOutputSerializer(128);
    try {
      write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the meta info of state '" + name + "'", e);
    }
    return out.getCopyOfBuffer();
  }

  /** Whether {@code other} describes the same state with the same serializer snapshots. */
  public boolean hasSameSchemaAs(KeyedStateMetaInfo other) {
    return Arrays.equals(toBytes(), other.toBytes());
  }
}

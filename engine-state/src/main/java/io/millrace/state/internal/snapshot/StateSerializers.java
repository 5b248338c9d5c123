package io.millrace.state.internal.snapshot;

import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.ttl.TtlValueSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;

/**
 * The serializers of one state as the keyed snapshot format (and the RocksDB backend) apply
 * them: {@code namespace} writes namespaces; {@code value} writes one unit of value — the whole
 * value or accumulator (value, reducing, aggregating state), one list element, or one map
 * value — wrapped in {@link TtlValueSerializer} when the state has TTL, and made nullable for
 * map values; {@code userKey} writes a map's user keys, nullable ({@code null} for the other
 * kinds).
 *
 * @param namespace writes the namespaces
 * @param value writes one value unit, TTL timestamp included
 * @param userKey writes a map state's user keys; {@code null} for other kinds
 */
public record StateSerializers(
    TypeSerializer<Object> namespace, TypeSerializer<Object> value, TypeSerializer<Object> userKey) {

  /** The serializers of {@code descriptor} registered with {@code namespaceSerializer}. */
  public static StateSerializers of(
      StateDescriptor<?, ?> descriptor, TypeSerializer<?> namespaceSerializer) {
    TypeSerializer<Object> userKeys =
        descriptor instanceof MapStateDescriptor<?, ?> map
            ? TypeSerializers.nullable(cast(map.getKeySerializer()))
            : null;
    return wrap(
        descriptor.getKind(), descriptor.getTtlConfig() != null, cast(namespaceSerializer),
        cast(KeyedStateMetaInfo.userValueSerializer(descriptor)), userKeys);
  }

  /**
   * Assembles the format's serializers from the user's: {@code userValue} made nullable for
   * maps and stamped when {@code ttl}; {@code userKeys} already nullable.
   */
  static StateSerializers wrap(
      StateDescriptor.Kind kind, boolean ttl, TypeSerializer<Object> namespace,
      TypeSerializer<Object> userValue, TypeSerializer<Object> userKeys) {
    TypeSerializer<Object> value =
        kind == StateDescriptor.Kind.MAP ? TypeSerializers.nullable(userValue) : userValue;
    if (ttl) {
      value = cast(new TtlValueSerializer<>(value));
    }
    return new StateSerializers(namespace, value, userKeys);
  }

  // The format's serializers are used only on the values of the state they belong to; inside
  // the backends values are handled as Object, typed again by the state handles.
  @SuppressWarnings("unchecked")
  static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }
}

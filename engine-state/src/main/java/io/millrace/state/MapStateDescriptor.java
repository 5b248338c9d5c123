package io.millrace.state;

import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a {@link MapState}, or a {@link BroadcastState} when passed to
 * {@code DataStream.broadcast(...)}.
 *
 * <pre>{@code
 * new MapStateDescriptor<>("rules", String.class, Rule.class)
 * }</pre>
 *
 * @param <K> the user key type
 * @param <V> the user value type
 */
public class MapStateDescriptor<K, V> extends StateDescriptor<MapState<K, V>, Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final Class<K> keyClass;
  private final Class<V> valueClass;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;

  /** A map state called {@code name} from {@code keyClass} to {@code valueClass}. */
  public MapStateDescriptor(String name, Class<K> keyClass, Class<V> valueClass) {
    super(name, (Class<Map<K, V>>) null);
    this.keyClass = keyClass;
    this.valueClass = valueClass;
    this.keySerializer = null;
    this.valueSerializer = null;
  }

  /**
   * A map state called {@code name} whose user keys are written by {@code keySerializer} and
   * user values by {@code valueSerializer} (which need not accept {@code null}: the map
   * serializer adds a presence byte).
   */
  public MapStateDescriptor(
      String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    super(name, (Class<Map<K, V>>) null);
    this.keyClass = null;
    this.valueClass = null;
    this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer must not be null");
    this.valueSerializer =
        Objects.requireNonNull(valueSerializer, "valueSerializer must not be null");
  }

  /**
   * The serializer of the user keys: the explicit one, else derived from the key class, else
   * the generic serializer. A RocksDB backend stores each entry under these bytes.
   */
  public TypeSerializer<K> getKeySerializer() {
    if (keySerializer != null) {
      return keySerializer;
    }
    return keyClass == null ? TypeSerializers.generic() : TypeSerializers.forClass(keyClass);
  }

  /** The serializer of the user values (non-null values), chosen as for the keys. */
  public TypeSerializer<V> getValueSerializer() {
    if (valueSerializer != null) {
      return valueSerializer;
    }
    return valueClass == null ? TypeSerializers.generic() : TypeSerializers.forClass(valueClass);
  }

  /** A whole map: the user keys' serializer, and the values' serializer plus {@code null}. */
  @Override
  TypeSerializer<Map<K, V>> deriveSerializer() {
    return TypeSerializers.mapOf(
        getKeySerializer(), TypeSerializers.nullable(getValueSerializer()));
  }

  /** The user key type, or {@code null} if not given. */
  public Class<K> getKeyClass() {
    return keyClass;
  }

  /** The user value type, or {@code null} if not given. */
  public Class<V> getValueClass() {
    return valueClass;
  }

  @Override
  public Kind getKind() {
    return Kind.MAP;
  }
}

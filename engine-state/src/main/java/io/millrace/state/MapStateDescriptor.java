package io.millrace.state;

import java.util.Map;

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

  /** A map state called {@code name} from {@code keyClass} to {@code valueClass}. */
  public MapStateDescriptor(String name, Class<K> keyClass, Class<V> valueClass) {
    super(name, null);
    this.keyClass = keyClass;
    this.valueClass = valueClass;
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

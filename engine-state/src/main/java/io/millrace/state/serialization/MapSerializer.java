package io.millrace.state.serialization;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map as its size and its entries in iteration order; reads into a {@link LinkedHashMap}. As
 * for sets, equal hash maps may serialize differently.
 */
final class MapSerializer<K, V> extends CompositeSerializer<Map<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<K> key;
  private final TypeSerializer<V> value;

  MapSerializer(TypeSerializer<K> key, TypeSerializer<V> value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public void serialize(Map<K, V> map, DataOutputView out) throws IOException {
    Types.writeVarInt(map.size(), out);
    for (Map.Entry<K, V> entry : map.entrySet()) {
      key.serialize(entry.getKey(), out);
      value.serialize(entry.getValue(), out);
    }
  }

  @Override
  public Map<K, V> deserialize(DataInputView in) throws IOException {
    int size = Types.readLength(in);
    Map<K, V> map = new LinkedHashMap<>(Math.min(size, 1 << 16) * 4 / 3 + 1);
    for (int i = 0; i < size; i++) {
      K k = key.deserialize(in);
      map.put(k, value.deserialize(in));
    }
    return map;
  }

  @Override
  public Map<K, V> copy(Map<K, V> map) {
    Map<K, V> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    for (Map.Entry<K, V> entry : map.entrySet()) {
      copy.put(key.copy(entry.getKey()), value.copy(entry.getValue()));
    }
    return copy;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  Kind kind() {
    return Kind.MAP;
  }

  @Override
  List<TypeSerializer<?>> elements() {
    return List.of(key, value);
  }
}

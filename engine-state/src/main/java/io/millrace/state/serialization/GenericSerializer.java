package io.millrace.state.serialization;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fallback for values whose type is not known statically (a descriptor without a type
 * class, a {@code List} without element type, an {@code Object} or type-variable field): writes
 * the runtime class name, then the value with {@link TypeSerializers#forClass} of that class.
 *
 * <p>Cost: the class name on the wire for every value (typically 20 to 60 bytes) and a hash
 * lookup of the serializer on each side; and a savepoint cannot check the schema of the values
 * it contains. Give the descriptor a type class or an explicit serializer where it matters.
 * Runtime lists, sets and maps are written as {@code java.util.List/Set/Map} and read back as
 * {@code ArrayList}, {@code LinkedHashSet} and {@code LinkedHashMap}. Thread-safe.
 */
final class GenericSerializer extends StatelessSerializer<Object> {
  private static final long serialVersionUID = 1L;

  private transient Map<Class<?>, TypeSerializer<Object>> byClass = new ConcurrentHashMap<>();
  private transient Map<String, TypeSerializer<Object>> byName = new ConcurrentHashMap<>();

  private Object readResolve() throws ObjectStreamException {
    return new GenericSerializer();
  }

  static Class<?> wireClass(Class<?> runtime) {
    if (List.class.isAssignableFrom(runtime)) {
      return List.class;
    } else if (Set.class.isAssignableFrom(runtime)) {
      return Set.class;
    } else if (Map.class.isAssignableFrom(runtime)) {
      return Map.class;
    } else if (runtime.getSuperclass() != null && runtime.getSuperclass().isEnum()) {
      return runtime.getSuperclass();
    }
    return runtime;
  }

  @Override
  public void serialize(Object value, DataOutputView out) throws IOException {
    Class<?> wire = wireClass(value.getClass());
    out.writeUTF(wire.getName());
    byClass.computeIfAbsent(wire, TypeSerializers::forClassUnchecked).serialize(value, out);
  }

  @Override
  public Object deserialize(DataInputView in) throws IOException {
    String name = in.readUTF();
    TypeSerializer<Object> serializer = byName.get(name);
    if (serializer == null) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Types.load(name, loader != null ? loader : GenericSerializer.class.getClassLoader());
      serializer = TypeSerializers.forClassUnchecked(type);
      byName.put(name, serializer);
    }
    return serializer.deserialize(in);
  }

  @Override
  public Object copy(Object value) {
    if (value == null) {
      return null;
    }
    return byClass
        .computeIfAbsent(wireClass(value.getClass()), TypeSerializers::forClassUnchecked)
        .copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }
}

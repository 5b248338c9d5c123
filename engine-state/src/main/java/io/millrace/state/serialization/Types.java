package io.millrace.state.serialization;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/** Small shared pieces of the built-in serializers: class loading, variable-length ints, casts. */
final class Types {
  private static final Map<String, Class<?>> PRIMITIVES =
      Map.of(
          "int", int.class, "long", long.class, "short", short.class, "byte", byte.class,
          "double", double.class, "float", float.class, "boolean", boolean.class, "char", char.class,
          "void", void.class);

  private Types() {}

  /** Loads {@code name} (primitive names included) or throws an IOException saying what is missing. */
  static Class<?> load(String name, ClassLoader classLoader) throws IOException {
    Class<?> primitive = PRIMITIVES.get(name);
    if (primitive != null) {
      return primitive;
    }
    try {
      return Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IOException("class " + name + " named in a serializer snapshot is not on the class path", e);
    }
  }

  /** A readable name for a serializer class in compatibility messages. */
  static String describe(Class<?> serializerClass) {
    String name = serializerClass.getName();
    return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** Writes a non-negative int in 1 to 5 bytes (7 bits per byte, high bit = more). */
  static void writeVarInt(int value, DataOutput out) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }

  /** Reads an int written by {@link #writeVarInt}. */
  static int readVarInt(DataInput in) throws IOException {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("malformed variable-length int");
  }

  /** Reads a collection/array length and checks it is sane. */
  static int readLength(DataInput in) throws IOException {
    int length = readVarInt(in);
    if (length < 0) {
      throw new IOException("negative length " + length + " in serialized data");
    }
    return length;
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object value) {
    return (T) value;
  }

  /** Resolves {@code snapshot} against {@code serializer} without the caller's generic noise. */
  static SchemaCompatibility resolve(TypeSerializerSnapshot<?> snapshot, TypeSerializer<?> serializer) {
    TypeSerializerSnapshot<Object> s = cast(snapshot);
    TypeSerializer<Object> n = cast(serializer);
    return s.resolveSchemaCompatibility(n);
  }

  /** Writes a nested snapshot. */
  static void writeNested(DataOutputView out, TypeSerializer<?> serializer) throws IOException {
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
  }
}

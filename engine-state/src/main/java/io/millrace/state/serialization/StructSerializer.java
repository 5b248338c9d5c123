package io.millrace.state.serialization;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.Arrays;

/**
 * Base of the record and POJO serializers: the fields, in a fixed order, each with its own
 * serializer; built once per class by {@link TypeSerializers}. A value is written as its fields
 * in order, with no header. The snapshot ({@link StructSerializerSnapshot}) lists field names,
 * declared types and serializer snapshots, which lets fields be added and removed.
 */
abstract class StructSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** Marks, during a restore, a field the old data did not have. */
  static final Object MISSING = new Object();

  final Class<T> type;
  final String[] names;
  final String[] typeNames;
  final TypeSerializer<Object>[] fields;

  StructSerializer(Class<T> type, String[] names, String[] typeNames, TypeSerializer<Object>[] fields) {
    this.type = type;
    this.names = names;
    this.typeNames = typeNames;
    this.fields = fields;
  }

  /** "record" or "POJO", for messages. */
  abstract String kindName();

  /** The value of field {@code index} of {@code value}. */
  abstract Object get(T value, int index);

  /** A new instance from field values in this serializer's order; {@link #MISSING} means default. */
  abstract T create(Object[] values);

  int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      fields[i].serialize(get(value, i), out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields[i].deserialize(in);
    }
    return create(values);
  }

  @Override
  public T copy(T value) {
    if (value == null || isImmutableType()) {
      return value;
    }
    Object[] values = new Object[fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields[i].copy(get(value, i));
    }
    return create(values);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new StructSerializerSnapshot<>(this);
  }

  /** Method handles do not survive Java serialization: derive again on the receiving side. */
  Object readResolve() throws ObjectStreamException {
    return TypeSerializers.forClass(type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructSerializer<?> that
        && getClass() == that.getClass()
        && type == that.type
        && Arrays.equals(names, that.names)
        && Arrays.equals(fields, that.fields);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return kindName() + " " + type.getName() + Arrays.toString(names);
  }
}

package io.millrace.state.serialization;

import java.io.IOException;

/**
 * Reads a record or POJO written under an old layout into the current class: each old field
 * with its old serializer, assigned by name; fields the old data lacks get their default, old
 * fields the class lost are read and dropped. Only for reading (migration); writing uses the
 * current serializer.
 */
final class StructRestoreSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final StructSerializer<T> current;
  private final TypeSerializer<Object>[] oldFields;
  /** Index in {@code current} of each old field; -1 for a removed field. */
  private final int[] targets;
  private final transient TypeSerializerSnapshot<T> snapshot;

  StructRestoreSerializer(
      StructSerializer<T> current, TypeSerializer<Object>[] oldFields, int[] targets, TypeSerializerSnapshot<T> snapshot) {
    this.current = current;
    this.oldFields = oldFields;
    this.targets = targets;
    this.snapshot = snapshot;
  }

  @Override
  public void serialize(T value, DataOutputView out) {
    throw new UnsupportedOperationException(
        "a restore serializer only reads state written under the old schema; write with the new serializer");
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    Object[] values = new Object[current.fields.length];
    java.util.Arrays.fill(values, StructSerializer.MISSING);
    for (int i = 0; i < oldFields.length; i++) {
      Object value = oldFields[i].deserialize(in);
      if (targets[i] >= 0) {
        values[targets[i]] = value;
      }
    }
    return current.create(values);
  }

  @Override
  public T copy(T value) {
    return current.copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return current.isImmutableType();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return snapshot;
  }
}

package io.millrace.state.serialization;

import java.io.IOException;
import java.lang.reflect.Constructor;

/**
 * Snapshot of a serializer that has no configuration (the built-ins for primitives, strings,
 * primitive arrays, the generic serializer): only the serializer's class is recorded.
 */
final class StatelessSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private Class<?> serializerClass;

  @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
  private StatelessSerializerSnapshot() {}

  StatelessSerializerSnapshot(TypeSerializer<T> serializer) {
    this.serializerClass = serializer.getClass();
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(serializerClass.getName());
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    serializerClass = Types.load(in.readUTF(), classLoader);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<T> restoreSerializer() {
    try {
      Constructor<?> constructor = serializerClass.getDeclaredConstructor();
      constructor.setAccessible(true);
      return (TypeSerializer<T>) constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot instantiate serializer " + serializerClass.getName() + " through a no-arg constructor",
          e);
    }
  }

  @Override
  public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    if (newSerializer.getClass() == serializerClass) {
      return SchemaCompatibility.compatibleAsIs();
    }
    return SchemaCompatibility.incompatible(
        "state was written by "
            + Types.describe(serializerClass)
            + " but the new serializer is "
            + Types.describe(newSerializer.getClass()));
  }
}

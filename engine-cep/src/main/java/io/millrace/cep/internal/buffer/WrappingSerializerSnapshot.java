package io.millrace.cep.internal.buffer;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.SchemaCompatibility;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.lang.reflect.Constructor;

/**
 * The snapshot of a CEP serializer that wraps one element serializer (the user's event type):
 * the wrapper's class and the element serializer's snapshot. The wrapper is restored through its
 * public constructor taking the element serializer.
 *
 * @param <T> the wrapper's value type
 */
public final class WrappingSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private String wrapperClass;
  private TypeSerializerSnapshot<?> element;

  @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
  private WrappingSerializerSnapshot() {}

  /** The snapshot of {@code wrapper}, which wraps {@code element}. */
  public WrappingSerializerSnapshot(TypeSerializer<T> wrapper, TypeSerializer<?> element) {
    this.wrapperClass = wrapper.getClass().getName();
    this.element = element.snapshotConfiguration();
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(wrapperClass);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, element);
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
    wrapperClass = in.readUTF();
    element = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
  }

  @Override
  @SuppressWarnings("unchecked")
  public TypeSerializer<T> restoreSerializer() {
    try {
      Constructor<?> constructor = Class.forName(wrapperClass, false, WrappingSerializerSnapshot.class.getClassLoader())
          .getConstructor(TypeSerializer.class);
      return (TypeSerializer<T>) constructor.newInstance(element.restoreSerializer());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot restore the CEP serializer " + wrapperClass + ": " + e, e);
    }
  }

  @Override
  public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
    if (!newSerializer.getClass().getName().equals(wrapperClass)) {
      return SchemaCompatibility.incompatible("state was written by " + wrapperClass + " but the new serializer is " + newSerializer);
    }
    return SchemaCompatibility.compatibleAsIs();
  }
}

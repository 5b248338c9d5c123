package io.millrace.state.serialization;

import java.io.IOException;
import java.lang.reflect.Constructor;

/**
 * The schema of a {@link TypeSerializer}, as written into checkpoints and savepoints: enough to
 * build, after a restore, a serializer that reads the old bytes ({@link #restoreSerializer()})
 * and to decide whether the new serializer can read them too ({@link
 * #resolveSchemaCompatibility}).
 *
 * <p>Snapshots are written with {@link #writeVersionedSnapshot} (which records the snapshot class
 * and its {@link #getCurrentVersion() version}) and read with {@link #readVersionedSnapshot},
 * which instantiates the snapshot class through its no-arg constructor and calls {@link
 * #readSnapshot}. An implementation therefore needs a no-arg constructor (it may be private).
 *
 * @param <T> the type of the serializer's values
 */
public interface TypeSerializerSnapshot<T> {

  /** The version of the format {@link #writeSnapshot} writes; passed back to {@link #readSnapshot}. */
  int getCurrentVersion();

  /** Writes this snapshot's contents (without class name and version). */
  void writeSnapshot(DataOutputView out) throws IOException;

  /**
   * Reads contents written by {@link #writeSnapshot} of format {@code readVersion} into this
   * (freshly constructed) snapshot; classes are loaded from {@code classLoader}.
   */
  void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException;

  /** A serializer that reads data written under this snapshot's schema. */
  TypeSerializer<T> restoreSerializer();

  /** Whether {@code newSerializer} can read data written under this snapshot's schema. */
  SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer);

  /** Writes {@code snapshot} with its class name and version, for {@link #readVersionedSnapshot}. */
  static void writeVersionedSnapshot(DataOutputView out, TypeSerializerSnapshot<?> snapshot)
      throws IOException {
    out.writeUTF(snapshot.getClass().getName());
    out.writeInt(snapshot.getCurrentVersion());
    snapshot.writeSnapshot(out);
  }

  /** Reads a snapshot written by {@link #writeVersionedSnapshot}. */
  static <T> TypeSerializerSnapshot<T> readVersionedSnapshot(DataInputView in, ClassLoader classLoader)
      throws IOException {
    String className = in.readUTF();
    int version = in.readInt();
    TypeSerializerSnapshot<T> snapshot;
    try {
      Class<?> snapshotClass = Class.forName(className, false, classLoader);
      Constructor<?> constructor = snapshotClass.getDeclaredConstructor();
      constructor.setAccessible(true);
      @SuppressWarnings("unchecked")
      TypeSerializerSnapshot<T> instance = (TypeSerializerSnapshot<T>) constructor.newInstance();
      snapshot = instance;
    } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
      throw new IOException(
          "cannot instantiate serializer snapshot class "
              + className
              + "; it must be on the class path and have a no-arg constructor",
          e);
    }
    snapshot.readSnapshot(version, in, classLoader);
    return snapshot;
  }

  /**
   * The snapshot of a serializer without configuration: restored by calling the serializer
   * class's no-arg constructor; compatible as is exactly with serializers of the same class.
   */
  static <T> TypeSerializerSnapshot<T> stateless(TypeSerializer<T> serializer) {
    return new StatelessSerializerSnapshot<>(serializer);
  }
}

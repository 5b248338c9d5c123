package io.millrace.state.serialization;

import java.io.IOException;

/**
 * Stands for a record or POJO class inside its own fields (a tree node holding nodes), so that
 * deriving it terminates; resolves to {@link TypeSerializers#forClass} on first use. Its snapshot
 * names the class only: evolution is checked for the outermost occurrence, nested occurrences are
 * read with the current layout.
 */
final class RecursiveReferenceSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  /** Resolved lazily; volatile so a resolution by one thread is seen by others (benign race). */
  private transient volatile TypeSerializer<T> target;

  RecursiveReferenceSerializer(Class<T> type) {
    this.type = type;
  }

  private TypeSerializer<T> target() {
    TypeSerializer<T> t = target;
    if (t == null) {
      t = TypeSerializers.forClass(type);
      target = t;
    }
    return t;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    target().serialize(value, out);
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    return target().deserialize(in);
  }

  @Override
  public T copy(T value) {
    return target().copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecursiveReferenceSerializer<?> that && type == that.type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  /** The class name only. */
  static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private String className;
    private ClassLoader classLoader;

    @SuppressWarnings("unused") // instantiated by readVersionedSnapshot
    private Snapshot() {}

    Snapshot(Class<T> type) {
      this.className = type.getName();
      this.classLoader = type.getClassLoader();
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(className);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader loader) throws IOException {
      className = in.readUTF();
      classLoader = loader;
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      try {
        return new RecursiveReferenceSerializer<>(Types.cast(Types.load(className, classLoader)));
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }

    @Override
    public SchemaCompatibility resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
      return newSerializer instanceof RecursiveReferenceSerializer<?> that
              && that.type.getName().equals(className)
          ? SchemaCompatibility.compatibleAsIs()
          : SchemaCompatibility.incompatible(
              "state was written for a recursive reference to " + className + " but the new serializer is " + newSerializer);
    }
  }
}

package io.millrace.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization for what the engine copies or checkpoints without a serializer of its own:
 * rich functions copied per subtask, source splits and split-enumerator state. Classes resolve
 * with a given class loader (the user's, in containers).
 */
public final class JavaSerialization {
  private JavaSerialization() {}

  /**
   * The bytes of {@code value}.
   *
   * @param what names the value in errors, e.g. "split of source@1"
   * @throws IllegalArgumentException if the value (or something it holds) is not serializable
   */
  public static byte[] serialize(Object value, String what) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      return bytes.toByteArray();
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          "cannot serialize the " + what + " (" + value.getClass().getName() + "): it holds a value of the "
              + "non-serializable class " + e.getMessage() + "; make that class Serializable or the field transient", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialize the " + what + ": " + e, e);
    }
  }

  /**
   * The value in {@code bytes}, its classes resolved with {@code loader} first.
   *
   * @throws IllegalStateException if the bytes cannot be read (names {@code what} and the cause)
   */
  @SuppressWarnings("unchecked")
  public static <T> T deserialize(byte[] bytes, ClassLoader loader, String what) {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      return (T) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the " + what + ": " + e, e);
    }
  }

  /** Resolves classes with a given class loader, then the default one. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}

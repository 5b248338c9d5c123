package io.millrace.runtime.operators;

import io.millrace.api.functions.Function;
import io.millrace.api.functions.RichFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Gives each parallel subtask its own instance of a rich function, whose fields (state handles,
 * buffers) are per instance: subtask 0 uses the user's instance, the others a copy made with
 * Java serialization. Plain functions (lambdas, non-rich classes) are shared: copying them
 * would also copy what they capture, such as a user's in-memory collection or client.
 */
public final class FunctionInstances {
  private FunctionInstances() {}

  /** The instance of {@code function} that subtask {@code subtaskIndex} of {@code operatorName} uses. */
  public static <F extends Function> F forSubtask(F function, int subtaskIndex, String operatorName) {
    if (subtaskIndex == 0 || !(function instanceof RichFunction)) {
      return function;
    }
    return copy(function, operatorName);
  }

  @SuppressWarnings("unchecked")
  private static <F extends Function> F copy(F function, String operatorName) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(function);
      }
      ClassLoader loader = function.getClass().getClassLoader();
      try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()), loader)) {
        return (F) in.readObject();
      }
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(
          operatorName + " runs with parallelism above 1, so each subtask needs its own copy of the rich function "
              + function.getClass().getName() + ", but it holds a value of the non-serializable class "
              + e.getMessage() + ": make that field transient and create it in open(), or run the operator "
              + "with setParallelism(1)", e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException(
          operatorName + ": could not copy the rich function " + function.getClass().getName()
              + " for a parallel subtask: " + e, e);
    }
  }

  /** Resolves classes with the function's class loader (the user's, in containers). */
  private static final class ClassLoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
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

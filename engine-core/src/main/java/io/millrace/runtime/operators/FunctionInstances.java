package io.millrace.runtime.operators;

import io.millrace.api.functions.CheckpointedFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.RichFunction;
import io.millrace.runtime.checkpoint.JavaSerialization;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Gives each parallel subtask its own instance of a rich (or checkpointed) function, whose
 * fields (state handles, buffers) are per instance: subtask 0 uses the user's instance, the
 * others a copy made with Java serialization. Plain functions (lambdas, non-rich classes) are
 * shared: copying them would also copy what they capture, such as a user's in-memory
 * collection or client.
 *
 * <p>A job that may restart wires its attempts {@linkplain #wire within} a {@link Copies}: the
 * first attempt records each function as it was before anything ran, and every later attempt
 * gets fresh instances made from that record — as Flink deserializes its functions anew — so
 * that what a failed attempt left in a function's fields does not leak into the next one.
 */
public final class FunctionInstances {
  private static final ThreadLocal<Copies> WIRING = new ThreadLocal<>();

  private FunctionInstances() {}

  /** The functions of one job as they were before its first attempt ran. */
  public static final class Copies {
    private final Map<Function, byte[]> pristine = new IdentityHashMap<>();
    private boolean restarted;

    /** Later attempts get fresh instances. */
    public synchronized void markRestarted() {
      restarted = true;
    }

    synchronized <F extends Function> F instance(F function, int subtaskIndex, String operatorName) {
      if (!pristine.containsKey(function)) {
        pristine.put(function, serializeIfPossible(function, operatorName));
      }
      byte[] bytes = pristine.get(function);
      if (restarted && bytes != null) {
        return JavaSerialization.deserialize(bytes, function.getClass().getClassLoader(),
            "function " + function.getClass().getName() + " of " + operatorName);
      }
      return null;
    }

    private static byte[] serializeIfPossible(Function function, String operatorName) {
      try {
        return JavaSerialization.serialize(function, "function of " + operatorName);
      } catch (IllegalArgumentException e) {
        return null; // not serializable: restarts reuse the instance, as a parallelism-1 job always did
      }
    }
  }

  /** Runs {@code wiring} (on this thread) with {@code copies} deciding the instances of a restartable job. */
  public static <T> T wire(Copies copies, Supplier<T> wiring) {
    WIRING.set(copies);
    try {
      return wiring.get();
    } finally {
      WIRING.remove();
    }
  }

  /** The instance of {@code function} that subtask {@code subtaskIndex} of {@code operatorName} uses. */
  public static <F extends Function> F forSubtask(F function, int subtaskIndex, String operatorName) {
    if (!(function instanceof RichFunction) && !(function instanceof CheckpointedFunction)) {
      return function;
    }
    Copies copies = WIRING.get();
    if (copies != null) {
      F fresh = copies.instance(function, subtaskIndex, operatorName);
      if (fresh != null) {
        return fresh;
      }
    }
    return subtaskIndex == 0 ? function : copy(function, operatorName);
  }

  private static <F extends Function> F copy(F function, String operatorName) {
    byte[] bytes;
    try {
      bytes = JavaSerialization.serialize(function, "rich function of " + operatorName);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof java.io.NotSerializableException notSerializable) {
        throw new IllegalArgumentException(
            operatorName + " runs with parallelism above 1, so each subtask needs its own copy of the rich function "
                + function.getClass().getName() + ", but it holds a value of the non-serializable class "
                + notSerializable.getMessage() + ": make that field transient and create it in open(), or run the "
                + "operator with setParallelism(1)", e);
      }
      throw new IllegalArgumentException(
          operatorName + ": could not copy the rich function " + function.getClass().getName()
              + " for a parallel subtask: " + e.getMessage(), e);
    }
    return JavaSerialization.deserialize(bytes, function.getClass().getClassLoader(),
        "copy of the rich function " + function.getClass().getName() + " for " + operatorName);
  }
}

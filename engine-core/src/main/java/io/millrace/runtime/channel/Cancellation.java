package io.millrace.runtime.channel;

/** Lets a blocking channel operation notice that its task was cancelled. */
@FunctionalInterface
public interface Cancellation {
  /** Throws {@link CancelledException} if the task was cancelled. */
  void throwIfCancelled();
}

package io.millrace.api.functions;

/**
 * Receives the elements a function emits. Emitted elements are passed on by reference: do not
 * mutate an element after collecting it.
 *
 * @param <T> element type
 */
public interface Collector<T> {
  /** Emits {@code record}; must not be null. */
  void collect(T record);

  /** Called by the engine; user code need not call it. */
  default void close() {}
}

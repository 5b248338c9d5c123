package io.millrace.api.sink;

import java.io.Serializable;

/**
 * Turns an element into one line of text for a row-format {@link FileSink}; the sink adds the
 * line separator ({@code '\n'}). Called on the sink's subtask threads, possibly concurrently
 * for different subtasks, so an encoder should not keep mutable state.
 *
 * <pre>{@code
 * Encoder<Order> csv = order -> order.id() + "," + order.amount();
 * }</pre>
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface Encoder<T> extends Serializable {
  /** The line for {@code element}, without a line separator; must not be null. */
  String encode(T element) throws Exception;
}

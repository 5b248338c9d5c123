package io.millrace.state;

/**
 * One value per key.
 *
 * <pre>{@code
 * ValueState<Long> count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
 * Long c = count.value();          // null for a key seen for the first time
 * count.update(c == null ? 1 : c + 1);
 * }</pre>
 *
 * @param <T> the value type
 */
public interface ValueState<T> extends State {
  /** Returns the value for the current key, or {@code null} (or the descriptor's default) if none. */
  T value() throws Exception;

  /** Sets the value for the current key; {@code null} clears it. */
  void update(T value) throws Exception;
}

package io.millrace.state;

/**
 * State to which values are added and from which one combined result is read.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of what {@link #get()} returns
 */
public interface AppendingState<IN, OUT> extends State {
  /** Returns the current result for the current key, or {@code null} if nothing was added. */
  OUT get() throws Exception;

  /** Adds {@code value} for the current key. */
  void add(IN value) throws Exception;
}

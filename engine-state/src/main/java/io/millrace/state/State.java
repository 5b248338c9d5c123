package io.millrace.state;

/**
 * The root of all state handles. A keyed state handle is scoped to the key of the record (or
 * timer) being processed; the same handle reads and writes a different value for each key.
 *
 * <p>Handles are used only from the thread running the function that obtained them.
 */
public interface State {
  /** Removes the value of this state for the current key (and namespace). */
  void clear();
}

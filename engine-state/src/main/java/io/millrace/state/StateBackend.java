package io.millrace.state;

import java.io.Serializable;

/**
 * Where keyed state lives: the configuration object passed to
 * {@code env.setStateBackend(...)}. The default is {@link io.millrace.state.heap.HashMapStateBackend}.
 *
 * <p>Implementations are value objects; the runtime creates the backend instances per operator
 * subtask from them.
 */
public interface StateBackend extends Serializable {
  /** A short name for logs and errors, e.g. {@code "hashmap"}. */
  String name();
}

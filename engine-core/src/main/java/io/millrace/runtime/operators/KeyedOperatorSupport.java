package io.millrace.runtime.operators;

import io.millrace.api.functions.KeySelector;
import io.millrace.state.internal.KeyedStateBackend;

/**
 * Sets the backend's current key from an element: what every keyed operator does before it
 * runs user code on the element.
 *
 * @param <IN> element type
 * @param <K> key type
 */
final class KeyedOperatorSupport<IN, K> {
  private final KeySelector<IN, K> keySelector;
  private final KeyedStateBackend<K> backend;
  private final OperatorContext context;

  KeyedOperatorSupport(KeySelector<IN, K> keySelector, OperatorContext context) {
    this.keySelector = keySelector;
    this.backend = context.keyedBackend();
    this.context = context;
  }

  void setCurrentKey(IN element) {
    K key;
    try {
      key = keySelector.getKey(element);
    } catch (Exception e) {
      throw UserCodeFailure.of(context, e);
    }
    backend.setCurrentKey(key);
  }

  KeyedStateBackend<K> backend() {
    return backend;
  }
}

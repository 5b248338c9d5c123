package io.millrace.windows.internal;

import io.millrace.api.functions.KeySelector;

/**
 * Keys every element by the same constant: how {@code windowAll} runs on the keyed window
 * operator, in one subtask.
 *
 * @param <T> element type
 */
final class ConstantKeySelector<T> implements KeySelector<T, Byte> {
  private static final long serialVersionUID = 1L;
  private static final Byte KEY = 0;

  @Override
  public Byte getKey(T value) {
    return KEY;
  }

  @Override
  public String toString() {
    return "windowAll";
  }
}

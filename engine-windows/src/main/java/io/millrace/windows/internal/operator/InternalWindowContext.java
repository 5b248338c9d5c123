package io.millrace.windows.internal.operator;

import io.millrace.api.OutputTag;
import io.millrace.api.windowing.Window;
import io.millrace.state.KeyedStateStore;

/**
 * What the window operator offers a window function while it fires or clears one window: the
 * window, time, per-window and global state, side outputs. One instance per operator, reused.
 *
 * @param <W> window type
 */
public interface InternalWindowContext<W extends Window> {
  /** The window being evaluated or cleared. */
  W window();

  /** The current processing time. */
  long currentProcessingTime();

  /** The operator's current watermark. */
  long currentWatermark();

  /** State of the current key scoped to the window. */
  KeyedStateStore windowState();

  /** State of the current key, shared by all its windows. */
  KeyedStateStore globalState();

  /** Emits {@code value} to the side output {@code tag}, stamped with the window's max timestamp. */
  <X> void output(OutputTag<X> tag, X value);
}

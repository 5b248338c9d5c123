package io.millrace.api.windowing;

/**
 * A group of elements a window function is applied to: a time window, or the global window of
 * count and custom windows. Windows are values: equal windows are the same window.
 */
public abstract class Window {
  /** The largest timestamp that belongs to this window. */
  public abstract long maxTimestamp();
}

package io.millrace.api.windowing;

/** What a trigger decides for a window. */
public enum TriggerResult {
  /** Nothing. */
  CONTINUE(false, false),
  /** Evaluate the window function and emit, then drop the window's contents. */
  FIRE_AND_PURGE(true, true),
  /** Evaluate the window function and emit; keep the contents. */
  FIRE(true, false),
  /** Drop the window's contents without emitting. */
  PURGE(false, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  /** Whether the window function runs. */
  public boolean isFire() {
    return fire;
  }

  /** Whether the contents are dropped. */
  public boolean isPurge() {
    return purge;
  }
}

package io.millrace.api.windowing;

import java.io.Serializable;
import java.util.Collection;

/**
 * Assigns each element to zero or more windows; the built-in assigners are in
 * {@code io.millrace.api.windowing.assigners} ({@code TumblingEventTimeWindows.of(...)}, ...).
 *
 * @param <T> element type
 * @param <W> window type
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The windows {@code element} with {@code timestamp} belongs to. */
  public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

  /** The trigger used when the user sets none. */
  public abstract Trigger<T, W> getDefaultTrigger();

  /** Whether windows are in event time (and so fire on watermarks). */
  public abstract boolean isEventTime();

  /** What an assigner may ask while assigning. */
  public abstract static class WindowAssignerContext {
    /** The current processing time. */
    public abstract long getCurrentProcessingTime();
  }
}

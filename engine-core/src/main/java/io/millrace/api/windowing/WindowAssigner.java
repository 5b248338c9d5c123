package io.millrace.api.windowing;

import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
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

  /**
   * Writes this assigner's windows: window state is stored per window, so on the RocksDB
   * backend every window is part of a serialized key. The built-in assigners return
   * {@link TimeWindow.Serializer} or {@link GlobalWindow.Serializer}; the default, for a custom
   * window class, is the generic serializer, which handles records and POJOs but writes the class
   * name with every window. Override it for any other window class or to save those bytes.
   */
  public TypeSerializer<W> getWindowSerializer() {
    return TypeSerializers.generic();
  }

  /** What an assigner may ask while assigning. */
  public abstract static class WindowAssignerContext {
    /** The current processing time. */
    public abstract long getCurrentProcessingTime();
  }
}

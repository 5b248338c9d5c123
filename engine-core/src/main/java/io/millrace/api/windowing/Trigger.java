package io.millrace.api.windowing;

import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import java.io.Serializable;

/**
 * Decides when a window is evaluated (fired) and when its contents are dropped (purged). Called
 * per element, per timer, on merges, and when the window is cleaned up; its state and timers are
 * scoped to the key and window.
 *
 * @param <T> element type
 * @param <W> window type
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An element was added to {@code window}. */
  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

  /** A processing-time timer of this trigger fired. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

  /** An event-time timer of this trigger fired. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

  /** Whether this trigger supports merging windows. */
  public boolean canMerge() {
    return false;
  }

  /** Windows were merged into {@code window}; re-register timers for it. */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
  }

  /** {@code window} is removed: delete this trigger's timers and state for it. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /** What a trigger may use: time, timers and state of the current key and window. */
  public interface TriggerContext {
    /** The current processing time. */
    long getCurrentProcessingTime();

    /** The current watermark. */
    long getCurrentWatermark();

    /** Registers a processing-time timer for the current key and window. */
    void registerProcessingTimeTimer(long time);

    /** Registers an event-time timer for the current key and window. */
    void registerEventTimeTimer(long time);

    /** Deletes a processing-time timer. */
    void deleteProcessingTimeTimer(long time);

    /** Deletes an event-time timer. */
    void deleteEventTimeTimer(long time);

    /** State of the current key and window. */
    <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
  }

  /** The context of {@link #onMerge}. */
  public interface OnMergeContext extends TriggerContext {
    /** Merges the state {@code stateDescriptor} of the merged windows into the result window. */
    <S extends State> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
  }
}

package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Event-time session windows: each element opens the window {@code [timestamp, timestamp + gap)}
 * and windows of one key that overlap or touch merge, so a session ends after {@code gap} without
 * elements. Two elements exactly {@code gap} apart are in one session.
 *
 * <pre>{@code
 * keyed.window(EventTimeSessionWindows.withGap(Duration.ofMinutes(30)))
 * }</pre>
 */
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions closed by {@code gap} without elements; {@code gap} must be positive. */
  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(AssignerArguments.positive(gap, "session gap", "EventTimeSessionWindows.withGap(...)"));
  }

  /** Sessions whose gap after each element {@code extractor} decides. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    Objects.requireNonNull(extractor, "session gap extractor must not be null for EventTimeSessionWindows.withDynamicGap(...)");
    return new DynamicEventTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "EventTimeSessionWindows");
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    SessionMerging.mergeWindows(windows, callback);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  /** The gap in milliseconds. */
  public long getGap() {
    return gap;
  }

  @Override
  public String toString() {
    return "EventTimeSessionWindows(" + gap + ")";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Collection;
import java.util.List;

/**
 * Event-time session windows whose gap each element decides; made by
 * {@link EventTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> element type
 */
public final class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final SessionWindowTimeGapExtractor<T> extractor;

  DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.extractor = extractor;
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "DynamicEventTimeSessionWindows");
    long gap = extractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException("dynamic session gap must be positive, got " + gap + " ms for element " + element
          + " from the extractor of EventTimeSessionWindows.withDynamicGap(...)");
    }
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    SessionMerging.mergeWindows(windows, callback);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "DynamicEventTimeSessionWindows()";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.MergingWindowAssigner;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.triggers.ProcessingTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Processing-time session windows: each element opens the window {@code [now, now + gap)} at the
 * processing time (the job's clock) of its arrival,
 * and windows of one key that overlap or touch merge, so a session ends after {@code gap} without
 * elements. Two elements exactly {@code gap} apart are in one session.
 *
 * <pre>{@code
 * keyed.window(ProcessingTimeSessionWindows.withGap(Duration.ofMinutes(30)))
 * }</pre>
 */
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions closed by {@code gap} without elements; {@code gap} must be positive. */
  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(AssignerArguments.positive(gap, "session gap", "ProcessingTimeSessionWindows.withGap(...)"));
  }

  /** Sessions whose gap after each element {@code extractor} decides. */
  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    Objects.requireNonNull(extractor, "session gap extractor must not be null for ProcessingTimeSessionWindows.withDynamicGap(...)");
    return new DynamicProcessingTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long now = context.getCurrentProcessingTime();
    return List.of(new TimeWindow(now, now + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    SessionMerging.mergeWindows(windows, callback);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  /** The gap in milliseconds. */
  public long getGap() {
    return gap;
  }

  @Override
  public String toString() {
    return "ProcessingTimeSessionWindows(" + gap + ")";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.triggers.ProcessingTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.time.Duration;
import java.util.Collection;

/**
 * Puts each element into every processing-time window {@code [start, start + size)} containing
 * the current processing time (the job's clock) when it arrives, where window starts are {@code offset + k * slide}: {@code ceil(size / slide)} or
 * {@code floor(size / slide)} windows per element. Windows may start before 0.
 *
 * <pre>{@code
 * // 10-minute windows, one starting every minute
 * keyed.window(SlidingProcessingTimeWindows.of(Duration.ofMinutes(10), Duration.ofMinutes(1)))
 * }</pre>
 */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** Windows of {@code size} starting every {@code slide} ({@code 0 < slide <= size}), aligned to the epoch. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return create(size, slide, Duration.ZERO, "SlidingProcessingTimeWindows.of(size, slide)");
  }

  /** Windows of {@code size} starting at {@code offset + k * slide}; needs {@code |offset| < slide}. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    return create(size, slide, offset, "SlidingProcessingTimeWindows.of(size, slide, offset)");
  }

  private static SlidingProcessingTimeWindows create(Duration size, Duration slide, Duration offset, String factory) {
    long sizeMillis = AssignerArguments.positive(size, "window size", factory);
    long slideMillis = AssignerArguments.positive(slide, "window slide", factory);
    AssignerArguments.slideAtMostSize(sizeMillis, slideMillis, factory);
    return new SlidingProcessingTimeWindows(sizeMillis, slideMillis, AssignerArguments.offset(offset, slideMillis, "slide", factory));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return SlidingEventTimeWindows.windowsContaining(context.getCurrentProcessingTime(), size, slide, offset);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  /** The window size in milliseconds. */
  public long getSize() {
    return size;
  }

  /** The slide in milliseconds. */
  public long getSlide() {
    return slide;
  }

  /** The offset in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public String toString() {
    return "SlidingProcessingTimeWindows(" + size + ", " + slide + (offset == 0 ? "" : ", offset " + offset) + ")";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

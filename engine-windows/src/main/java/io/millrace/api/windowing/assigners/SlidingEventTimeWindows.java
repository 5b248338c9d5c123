package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Puts each element into every event-time window {@code [start, start + size)} containing its
 * timestamp, where window starts are {@code offset + k * slide}: {@code ceil(size / slide)} or
 * {@code floor(size / slide)} windows per element. Windows may start before 0.
 *
 * <pre>{@code
 * // 10-minute windows, one starting every minute
 * keyed.window(SlidingEventTimeWindows.of(Duration.ofMinutes(10), Duration.ofMinutes(1)))
 * }</pre>
 */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;

  private SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** Windows of {@code size} starting every {@code slide} ({@code 0 < slide <= size}), aligned to the epoch. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide) {
    return create(size, slide, Duration.ZERO, "SlidingEventTimeWindows.of(size, slide)");
  }

  /** Windows of {@code size} starting at {@code offset + k * slide}; needs {@code |offset| < slide}. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
    return create(size, slide, offset, "SlidingEventTimeWindows.of(size, slide, offset)");
  }

  private static SlidingEventTimeWindows create(Duration size, Duration slide, Duration offset, String factory) {
    long sizeMillis = AssignerArguments.positive(size, "window size", factory);
    long slideMillis = AssignerArguments.positive(slide, "window slide", factory);
    AssignerArguments.slideAtMostSize(sizeMillis, slideMillis, factory);
    return new SlidingEventTimeWindows(sizeMillis, slideMillis, AssignerArguments.offset(offset, slideMillis, "slide", factory));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "SlidingEventTimeWindows");
    return windowsContaining(timestamp, size, slide, offset);
  }

  /** The windows of {@code size} sliding by {@code slide} that contain {@code time}, latest first. */
  static List<TimeWindow> windowsContaining(long time, long size, long slide, long offset) {
    List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
    long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
    for (long start = lastStart; start > time - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
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
    return "SlidingEventTimeWindows(" + size + ", " + slide + (offset == 0 ? "" : ", offset " + offset) + ")";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.state.serialization.TypeSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Puts each element into the one event-time window {@code [start, start + size)} containing its
 * timestamp, where window starts are {@code offset + k * size}. Fires when the watermark passes
 * the window's end - 1 (see {@link EventTimeTrigger}).
 *
 * <pre>{@code
 * keyed.window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))  // [0:00, 1:00), [1:00, 2:00), ...
 * keyed.window(TumblingEventTimeWindows.of(Duration.ofHours(1), Duration.ofMinutes(15)))  // [0:15, 1:15), ...
 * }</pre>
 */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingEventTimeWindows of(Duration size) {
    return new TumblingEventTimeWindows(AssignerArguments.positive(size, "window size", "TumblingEventTimeWindows.of(...)"), 0);
  }

  /** Windows of {@code size} starting at {@code offset + k * size}; needs {@code |offset| < size}. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    String factory = "TumblingEventTimeWindows.of(size, offset)";
    long sizeMillis = AssignerArguments.positive(size, "window size", factory);
    return new TumblingEventTimeWindows(sizeMillis, AssignerArguments.offset(offset, sizeMillis, "size", factory));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "TumblingEventTimeWindows");
    long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
    return List.of(new TimeWindow(start, start + size));
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

  /** The window offset in milliseconds. */
  public long getOffset() {
    return offset;
  }

  @Override
  public String toString() {
    return "TumblingEventTimeWindows(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
  }

  /** Windows are written as {@link TimeWindow.Serializer}. */
  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindow.Serializer.INSTANCE;
  }
}

package io.millrace.api.windowing.evictors;

import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.TimestampedValue;
import io.millrace.api.windowing.Window;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

/**
 * Keeps the elements of a window whose timestamp is within {@code windowSize} of the window's
 * latest timestamp: evicts every element with {@code timestamp <= max - windowSize}. Does
 * nothing when the elements carry no timestamps. Evicts before the window function by default,
 * after it with {@code doEvictAfter}.
 *
 * @param <W> window type
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long windowSize;
  private final boolean doEvictAfter;

  private TimeEvictor(long windowSize, boolean doEvictAfter) {
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps the elements within {@code windowSize} of the latest, evicting before the window function. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return of(windowSize, false);
  }

  /** Keeps the elements within {@code windowSize} of the latest, evicting after the window function if {@code doEvictAfter}. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    Objects.requireNonNull(windowSize, "windowSize must not be null for TimeEvictor.of(...)");
    if (windowSize.isNegative()) {
      throw new IllegalArgumentException("windowSize must not be negative, got " + windowSize + " for TimeEvictor.of(...)");
    }
    return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    Iterator<TimestampedValue<Object>> first = elements.iterator();
    if (!first.hasNext() || !first.next().hasTimestamp()) {
      return;
    }
    long max = Long.MIN_VALUE;
    for (TimestampedValue<Object> element : elements) {
      max = Math.max(max, element.getTimestamp());
    }
    long cutoff = max - windowSize;
    for (Iterator<TimestampedValue<Object>> iterator = elements.iterator(); iterator.hasNext(); ) {
      if (iterator.next().getTimestamp() <= cutoff) {
        iterator.remove();
      }
    }
  }

  /** The kept span in milliseconds. */
  public long getWindowSize() {
    return windowSize;
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
  }
}

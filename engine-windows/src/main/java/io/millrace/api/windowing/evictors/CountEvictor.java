package io.millrace.api.windowing.evictors;

import io.millrace.api.windowing.Evictor;
import io.millrace.api.windowing.TimestampedValue;
import io.millrace.api.windowing.Window;
import java.util.Iterator;

/**
 * Keeps at most {@code maxCount} elements in a window: the most recently added ones. Evicts
 * before the window function by default, after it with {@code doEvictAfter}.
 *
 * @param <W> window type
 */
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps the last {@code maxCount} elements, evicting before the window function. */
  public static <W extends Window> CountEvictor<W> of(long maxCount) {
    return of(maxCount, false);
  }

  /** Keeps the last {@code maxCount} elements, evicting after the window function if {@code doEvictAfter}. */
  public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("maxCount must be positive, got " + maxCount + " for CountEvictor.of(...)");
    }
    return new CountEvictor<>(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    if (size <= maxCount) {
      return;
    }
    long toEvict = size - maxCount;
    long evicted = 0;
    for (Iterator<TimestampedValue<Object>> iterator = elements.iterator(); iterator.hasNext() && evicted < toEvict; evicted++) {
      iterator.next();
      iterator.remove();
    }
  }

  /** The number of elements kept. */
  public long getMaxCount() {
    return maxCount;
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
  }
}

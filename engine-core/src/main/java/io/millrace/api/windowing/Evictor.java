package io.millrace.api.windowing;

import java.io.Serializable;

/**
 * Removes elements from a window before and/or after the window function runs. Evicting
 * windows keep every element (no incremental aggregation).
 *
 * @param <T> element type
 * @param <W> window type
 */
public interface Evictor<T, W extends Window> extends Serializable {
  /** Removes elements (through the iterator) before the window function. */
  void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** Removes elements (through the iterator) after the window function. */
  void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** What an evictor may ask. */
  interface EvictorContext {
    /** The current processing time. */
    long getCurrentProcessingTime();

    /** The current watermark. */
    long getCurrentWatermark();
  }
}

package io.millrace.api.source;

import io.millrace.api.eventtime.Watermark;

/**
 * Where a source emits records, watermarks and idleness: the reader's output, or the output of
 * one split ({@link ReaderOutput#createOutputForSplit}).
 *
 * @param <T> element type
 */
public interface SourceOutput<T> {
  /** Emits {@code record}; its timestamp comes from the watermark strategy's assigner, if any. */
  void collect(T record);

  /** Emits {@code record} with the event timestamp {@code timestamp} (before the assigner runs). */
  void collect(T record, long timestamp);

  /** Declares that no record with a timestamp at or below {@code watermark} follows. */
  void emitWatermark(Watermark watermark);

  /** Declares this output idle, so downstream watermarks do not wait for it. */
  void markIdle();

  /** Declares this output active again. */
  void markActive();
}

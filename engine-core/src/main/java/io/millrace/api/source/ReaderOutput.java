package io.millrace.api.source;

/**
 * Where a {@link SourceReader} emits its records.
 *
 * @param <T> element type
 */
public interface ReaderOutput<T> {
  /** Emits {@code record} without a timestamp of its own. */
  void collect(T record);

  /** Emits {@code record} with the event timestamp {@code timestamp}. */
  void collect(T record, long timestamp);

  /** Declares that no record with a timestamp at or below {@code watermark} follows. */
  void emitWatermark(long watermark);

  /** Declares this reader idle, so downstream watermarks do not wait for it. */
  void markIdle();
}

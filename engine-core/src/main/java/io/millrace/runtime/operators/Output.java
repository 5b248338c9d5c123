package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;

/**
 * Where an operator emits: the next operator in its chain (a method call), a channel writer
 * (another task), or several of them. Records carry their timestamp beside them, never in a
 * wrapper object, so nothing is allocated per record.
 *
 * @param <T> record type
 */
public interface Output<T> {
  /** The timestamp of a record that has none. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /** Emits {@code record} with {@code timestamp} (or {@link #NO_TIMESTAMP}) to the main output. */
  void collect(T record, long timestamp);

  /** Emits {@code record} to the side output {@code tag}; dropped if nobody reads that output. */
  <X> void collect(OutputTag<X> tag, X record, long timestamp);

  /** Forwards a watermark to every output. */
  void emitWatermark(long watermark);
}

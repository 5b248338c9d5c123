package io.millrace.api.functions;

/**
 * Time and timers for a keyed function. Timers are per key (and window): registering the same
 * time twice for a key fires once; a timer fires {@code onTimer} with that key set as current.
 * Timers are kept in the operator's state.
 */
public interface TimerService {
  /** The current processing time in epoch milliseconds (from the job's clock). */
  long currentProcessingTime();

  /** The current event-time watermark, {@code Long.MIN_VALUE} before the first watermark. */
  long currentWatermark();

  /** Fires {@code onTimer} when processing time reaches {@code time}. */
  void registerProcessingTimeTimer(long time);

  /** Fires {@code onTimer} when the watermark reaches {@code time}. */
  void registerEventTimeTimer(long time);

  /** Deletes a processing-time timer of the current key; no effect if there is none. */
  void deleteProcessingTimeTimer(long time);

  /** Deletes an event-time timer of the current key; no effect if there is none. */
  void deleteEventTimeTimer(long time);
}

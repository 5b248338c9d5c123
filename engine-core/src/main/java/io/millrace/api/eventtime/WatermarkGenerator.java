package io.millrace.api.eventtime;

/**
 * Generates watermarks from the events a source (or {@code assignTimestampsAndWatermarks})
 * sees: on each event and/or periodically (every auto-watermark interval, 200 ms by default).
 *
 * @param <T> element type
 */
public interface WatermarkGenerator<T> {
  /** Called for every event, with its timestamp; may emit a watermark (punctuated generators). */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /** Called every auto-watermark interval; periodic generators emit here. */
  void onPeriodicEmit(WatermarkOutput output);
}

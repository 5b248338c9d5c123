package io.millrace.runtime.time;

/**
 * What a keyed operator does when one of its timers fires; the key of the timer is the
 * backend's current key during the call.
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public interface Triggerable<K, N> {
  /** An event-time timer fired because the watermark reached its time. */
  void onEventTime(InternalTimer<K, N> timer) throws Exception;

  /** A processing-time timer fired because the clock reached its time. */
  void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}

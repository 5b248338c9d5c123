package io.millrace.runtime.time;

/**
 * The job's source of processing time and of wake-ups at a processing time. The system clock
 * runs on the wall clock; tests use {@link ManualProcessingClock} and move time by hand.
 */
public interface ProcessingClock {
  /** The current processing time in epoch milliseconds. */
  long currentTimeMillis();

  /**
   * Calls {@code callback} (on the clock's thread) once the time reaches {@code timestamp}.
   * The returned handle cancels the call if it has not happened yet.
   */
  Runnable schedule(long timestamp, Runnable callback);

  /** Releases the clock's threads; called when the job ends. */
  void shutdown();
}

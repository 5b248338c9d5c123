package io.millrace.runtime.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock processing time, with wake-ups from the job's timer thread. */
public final class SystemProcessingClock implements ProcessingClock {
  private final ScheduledExecutorService timerThread;

  /** A clock scheduling on {@code timerThread} (owned by the job). */
  public SystemProcessingClock(ScheduledExecutorService timerThread) {
    this.timerThread = timerThread;
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public Runnable schedule(long timestamp, Runnable callback) {
    long delay = Math.max(0, timestamp - System.currentTimeMillis());
    ScheduledFuture<?> future = timerThread.schedule(callback, delay, TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void shutdown() {}
}

package io.millrace.runtime.time;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Processing time moved by hand, for tests: {@link #advanceTo} runs every wake-up that has
 * become due, in time order, on the calling thread. Thread-safe.
 */
public final class ManualProcessingClock implements ProcessingClock {
  private record Wakeup(long timestamp, long sequence, Runnable callback) {}

  private final PriorityQueue<Wakeup> pending = new PriorityQueue<>(
      (a, b) -> a.timestamp != b.timestamp ? Long.compare(a.timestamp, b.timestamp) : Long.compare(a.sequence, b.sequence));
  private long now;
  private long sequence;

  /** A clock starting at {@code startMillis}. */
  public ManualProcessingClock(long startMillis) {
    this.now = startMillis;
  }

  @Override
  public synchronized long currentTimeMillis() {
    return now;
  }

  @Override
  public Runnable schedule(long timestamp, Runnable callback) {
    Wakeup wakeup;
    synchronized (this) {
      wakeup = new Wakeup(timestamp, sequence++, callback);
      if (timestamp > now) {
        pending.add(wakeup);
        return () -> {
          synchronized (this) {
            pending.remove(wakeup);
          }
        };
      }
    }
    callback.run();
    return () -> {};
  }

  /** Moves the time to {@code timestamp} (never back) and runs the wake-ups due by then. */
  public void advanceTo(long timestamp) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now = Math.max(now, timestamp);
      while (!pending.isEmpty() && pending.peek().timestamp <= now) {
        due.add(pending.poll().callback);
      }
    }
    due.forEach(Runnable::run);
  }

  @Override
  public void shutdown() {}
}

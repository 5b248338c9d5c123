package io.millrace.runtime.time;

import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Event-time and processing-time timers of a keyed operator: queues by time (registration order
 * among equal times), one timer per (key, namespace, time). Event-time timers fire as the watermark advances; processing-time
 * timers through one wake-up scheduled on the job's clock for the earliest timer, run in the
 * task's mailbox. Confined to the task's thread (the clock only posts to the mailbox).
 *
 * @param <K> key type
 * @param <N> namespace type
 */
public final class InternalTimerService<K, N> {
  private final String name;
  private final TypeSerializer<N> namespaceSerializer;
  private final KeyedStateBackend<K> backend;
  private final ProcessingClock clock;
  private final Executor mailbox;
  private final Triggerable<K, N> target;

  private final TimerQueue<K, N> eventTimeQueue = new TimerQueue<>();
  private final TimerQueue<K, N> processingTimeQueue = new TimerQueue<>();

  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledWakeup = Long.MAX_VALUE;
  private Runnable cancelWakeup;

  /**
   * @param name identifies the service's timers in snapshots; unique within its operator
   * @param namespaceSerializer writes the timers' namespaces into snapshots
   * @param mailbox runs actions on the task's thread
   * @param target called when timers fire
   */
  public InternalTimerService(
      String name, TypeSerializer<N> namespaceSerializer, KeyedStateBackend<K> backend, ProcessingClock clock,
      Executor mailbox, Triggerable<K, N> target) {
    this.name = name;
    this.namespaceSerializer = namespaceSerializer;
    this.backend = backend;
    this.clock = clock;
    this.mailbox = mailbox;
    this.target = target;
  }

  /** The service's name in snapshots. */
  public String name() {
    return name;
  }

  /** Writes the timers' namespaces. */
  public TypeSerializer<N> namespaceSerializer() {
    return namespaceSerializer;
  }

  /** The keyed backend whose current key timers are registered for. */
  public KeyedStateBackend<K> backend() {
    return backend;
  }

  /**
   * The synchronous part of a snapshot: every timer, event-time ones first, each in firing
   * order. O(timers), copying references only.
   */
  public List<InternalTimer<K, N>> copyTimers(boolean eventTime) {
    List<InternalTimer<K, N>> copy = new ArrayList<>();
    (eventTime ? eventTimeQueue : processingTimeQueue).copyTo(copy);
    return copy;
  }

  /** Adds a restored timer (its key is in this backend's key groups). */
  public void restoreTimer(boolean eventTime, InternalTimer<K, N> timer) {
    if (eventTime) {
      eventTimeQueue.add(timer);
    } else if (processingTimeQueue.add(timer) && timer.timestamp() < scheduledWakeup) {
      scheduleWakeup(timer.timestamp());
    }
  }

  /** The current processing time. */
  public long currentProcessingTime() {
    return clock.currentTimeMillis();
  }

  /** The last watermark this service saw. */
  public long currentWatermark() {
    return currentWatermark;
  }

  /** Registers an event-time timer for the current key. */
  public void registerEventTimeTimer(N namespace, long time) {
    InternalTimer<K, N> timer = new InternalTimer<>(time, backend.getCurrentKey(), namespace);
    eventTimeQueue.add(timer);
  }

  /** Deletes an event-time timer of the current key. */
  public void deleteEventTimeTimer(N namespace, long time) {
    InternalTimer<K, N> timer = new InternalTimer<>(time, backend.getCurrentKey(), namespace);
    eventTimeQueue.remove(timer);
  }

  /** Registers a processing-time timer for the current key. */
  public void registerProcessingTimeTimer(N namespace, long time) {
    InternalTimer<K, N> timer = new InternalTimer<>(time, backend.getCurrentKey(), namespace);
    if (processingTimeQueue.add(timer) && time < scheduledWakeup) {
      scheduleWakeup(time);
    }
  }

  /** Deletes a processing-time timer of the current key. */
  public void deleteProcessingTimeTimer(N namespace, long time) {
    InternalTimer<K, N> timer = new InternalTimer<>(time, backend.getCurrentKey(), namespace);
    processingTimeQueue.remove(timer);
  }

  /** Fires every event-time timer at or before {@code watermark}, in time order. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    InternalTimer<K, N> timer;
    while ((timer = eventTimeQueue.peek()) != null && timer.timestamp() <= watermark) {
      eventTimeQueue.poll();
      backend.setCurrentKey(timer.key());
      target.onEventTime(timer);
    }
  }

  /** Cancels the pending wake-up; called when the operator closes. */
  public void close() {
    if (cancelWakeup != null) {
      cancelWakeup.run();
      cancelWakeup = null;
    }
  }

  private void scheduleWakeup(long time) {
    if (cancelWakeup != null) {
      cancelWakeup.run();
    }
    scheduledWakeup = time;
    cancelWakeup = clock.schedule(time, () -> mailbox.execute(this::onWakeup));
  }

  private void onWakeup() {
    scheduledWakeup = Long.MAX_VALUE;
    cancelWakeup = null;
    try {
      fireProcessingTimers(clock.currentTimeMillis());
    } catch (Exception e) {
      throw e instanceof RuntimeException runtime ? runtime : new TimerFailure(e);
    }
  }

  private void fireProcessingTimers(long now) throws Exception {
    InternalTimer<K, N> timer;
    while ((timer = processingTimeQueue.peek()) != null && timer.timestamp() <= now) {
      processingTimeQueue.poll();
      backend.setCurrentKey(timer.key());
      target.onProcessingTime(timer);
    }
    if (timer != null && timer.timestamp() < scheduledWakeup) {
      scheduleWakeup(timer.timestamp());
    }
  }

  /** A checked exception of a timer callback, carried through the mailbox. */
  public static final class TimerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimerFailure(Exception cause) {
      super(cause.toString(), cause);
    }
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.functions.TimeDomain;
import io.millrace.api.functions.TimerService;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.VoidNamespace;
import io.millrace.state.internal.VoidNamespaceSerializer;

/**
 * The timers of a keyed process operator: the timer service its function registers with, the
 * watermark that fires event-time timers, and the bookkeeping of the timer being fired (its
 * domain and time, which the function's {@code OnTimerContext} reports).
 *
 * @param <K> key type
 */
final class KeyedTimers<K> implements Triggerable<K, VoidNamespace> {

  /** Runs the user's {@code onTimer}; failures are labelled by the caller. */
  @FunctionalInterface
  interface OnTimer {
    void fire(long time) throws Exception;
  }

  private final InternalTimerService<K, VoidNamespace> timers;
  private final TimerService timerService;
  private final OperatorContext context;
  private final OnTimer onTimer;
  private TimeDomain firingDomain;
  private long firingTime;

  KeyedTimers(KeyedStateBackend<K> backend, OperatorContext context, OnTimer onTimer) {
    this.timers = new InternalTimerService<>("user-timers", VoidNamespaceSerializer.INSTANCE, backend, context.clock(),
        context.mailbox(), this);
    context.services().registerTimerService(timers);
    this.timerService = new KeyedTimerService(timers);
    this.context = context;
    this.onTimer = onTimer;
  }

  /** The service user functions register timers with. */
  TimerService service() {
    return timerService;
  }

  /** The domain of the timer being fired. */
  TimeDomain firingDomain() {
    return firingDomain;
  }

  /** The time of the timer being fired. */
  long firingTime() {
    return firingTime;
  }

  /** The timestamp records emitted from {@code onTimer} carry: the time of an event-time timer. */
  long firingTimestamp() {
    return firingDomain == TimeDomain.EVENT_TIME ? firingTime : Output.NO_TIMESTAMP;
  }

  /** Fires the event-time timers the watermark passed. */
  void advanceWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) {
    fire(timer, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {
    fire(timer, TimeDomain.PROCESSING_TIME);
  }

  private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) {
    firingDomain = domain;
    firingTime = timer.timestamp();
    try {
      onTimer.fire(timer.timestamp());
    } catch (Throwable t) {
      throw UserCodeFailure.of(context, t);
    }
  }

  /** Cancels the pending processing-time wake-up. */
  void close() {
    timers.close();
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.functions.TimerService;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.state.internal.VoidNamespace;

/** The user-facing {@link TimerService} of keyed functions: timers of the current key. */
final class KeyedTimerService implements TimerService {
  private final InternalTimerService<?, VoidNamespace> timers;

  KeyedTimerService(InternalTimerService<?, VoidNamespace> timers) {
    this.timers = timers;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
  }
}

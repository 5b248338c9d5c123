package io.millrace.runtime.operators;

import io.millrace.api.functions.TimerService;

/** The timer service of non-keyed functions: time can be read, timers cannot be set. */
final class NoTimersService implements TimerService {
  private final OperatorContext context;
  private long watermark = Long.MIN_VALUE;

  NoTimersService(OperatorContext context) {
    this.context = context;
  }

  void setWatermark(long watermark) {
    this.watermark = watermark;
  }

  @Override
  public long currentProcessingTime() {
    return context.clock().currentTimeMillis();
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw unsupported();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw unsupported();
  }

  private UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "Timers are only available on keyed streams, but " + context.operatorName()
            + " is not keyed: keyBy(...) the stream and use a KeyedProcessFunction");
  }
}

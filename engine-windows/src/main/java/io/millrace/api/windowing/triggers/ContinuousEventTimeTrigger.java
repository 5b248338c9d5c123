package io.millrace.api.windowing.triggers;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.Window;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;
import java.time.Duration;
import java.util.Objects;

/**
 * Fires a window repeatedly as the watermark advances by {@code interval} (at multiples of the
 * interval from the first element's aligned time), and once more when the watermark passes the
 * window's end - 1. Early results of long windows.
 *
 * @param <W> window type
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long interval;
  private final ReducingStateDescriptor<Long> fireTimeDescriptor =
      new ReducingStateDescriptor<>("fire-time", new Min(), Long.class);

  private ContinuousEventTimeTrigger(long interval) {
    this.interval = interval;
  }

  /** Fires every {@code interval} of event time; {@code interval} must be positive. */
  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    Objects.requireNonNull(interval, "interval must not be null for ContinuousEventTimeTrigger.of(...)");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval + " for ContinuousEventTimeTrigger.of(...)");
    }
    return new ContinuousEventTimeTrigger<>(interval.toMillis());
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    if (fireTime.get() == null) {
      registerNextFireTime(timestamp - (timestamp % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    if (time == window.maxTimestamp()) {
      return TriggerResult.FIRE;
    }
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null && next == time) {
      fireTime.clear();
      registerNextFireTime(time + interval, window, ctx, fireTime);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long next = fireTime.get();
    if (next != null) {
      ctx.deleteEventTimeTimer(next);
      fireTime.clear();
    }
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(fireTimeDescriptor);
    Long next = ctx.getPartitionedState(fireTimeDescriptor).get();
    if (next != null) {
      ctx.registerEventTimeTimer(next);
    }
  }

  private void registerNextFireTime(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
    long next = Math.min(time, window.maxTimestamp());
    fireTime.add(next);
    ctx.registerEventTimeTimer(next);
  }

  /** The interval in milliseconds. */
  public long getInterval() {
    return interval;
  }

  @Override
  public String toString() {
    return "ContinuousEventTimeTrigger(" + interval + ")";
  }

  private static final class Min implements ReduceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long reduce(Long a, Long b) {
      return Math.min(a, b);
    }
  }
}

package io.millrace.api.windowing.triggers;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.Window;
import io.millrace.state.ReducingState;
import io.millrace.state.ReducingStateDescriptor;

/**
 * Fires a window each time it has received {@code maxCount} more elements (the count is kept in
 * the window's trigger state and restarts after each firing). Does not purge: wrap it in
 * {@link PurgingTrigger} for tumbling count windows.
 *
 * @param <W> window type
 */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final ReducingStateDescriptor<Long> countDescriptor =
      new ReducingStateDescriptor<>("count", new Sum(), Long.class);

  private CountTrigger(long maxCount) {
    this.maxCount = maxCount;
  }

  /** Fires every {@code maxCount} elements; {@code maxCount} must be positive. */
  public static <W extends Window> CountTrigger<W> of(long maxCount) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("maxCount must be positive, got " + maxCount + " for CountTrigger.of(...)");
    }
    return new CountTrigger<>(maxCount);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ctx.getPartitionedState(countDescriptor).clear();
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) {
    ctx.mergePartitionedState(countDescriptor);
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }

  private static final class Sum implements ReduceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long reduce(Long a, Long b) {
      return a + b;
    }
  }
}

package io.millrace.api.functions;

import io.millrace.api.OutputTag;

/**
 * The low-level function of a keyed stream: keyed state, timers and side outputs.
 *
 * <pre>{@code
 * public class ClickCounter extends KeyedProcessFunction<String, ClickEvent, ClickCount> {
 *   private ValueState<Long> countState;
 *
 *   public void open(OpenContext ctx) {
 *     countState = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
 *   }
 *
 *   public void processElement(ClickEvent event, Context ctx, Collector<ClickCount> out) throws Exception {
 *     Long count = countState.value();
 *     count = count == null ? 1 : count + 1;
 *     countState.update(count);
 *     out.collect(new ClickCount(event.getUserId(), count));
 *   }
 * }
 * }</pre>
 *
 * @param <K> key type
 * @param <I> input type
 * @param <O> output type
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes one element; state handles are scoped to {@code ctx.getCurrentKey()}. */
  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /**
   * Called when a timer registered through {@code ctx.timerService()} fires, with the timer's
   * key as the current key. The default does nothing.
   */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** What {@link #processElement} knows besides the element. */
  public abstract class Context {
    /** The element's timestamp (or the timer's time in {@code onTimer}), or {@code null}. */
    public abstract Long timestamp();

    /** Time and timers of the current key. */
    public abstract TimerService timerService();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The key of the element (or timer) being processed. */
    public abstract K getCurrentKey();
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends Context {
    /** Whether the firing timer is an event-time or a processing-time timer. */
    public abstract TimeDomain timeDomain();
  }
}

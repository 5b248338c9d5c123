package io.millrace.api.functions;

import io.millrace.api.OutputTag;

/**
 * The low-level function of two connected streams keyed by the same key type: keyed state
 * shared by both inputs, timers and side outputs.
 *
 * @param <K> key type
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the first input. */
  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Processes an element of the second input. */
  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Called when a timer fires, with its key as the current key. The default does nothing. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** What the process methods know besides the element. */
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

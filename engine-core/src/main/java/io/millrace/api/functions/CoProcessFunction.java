package io.millrace.api.functions;

import io.millrace.api.OutputTag;

/**
 * The low-level function of two connected, non-keyed streams. Elements of the two inputs
 * arrive in no particular order relative to each other.
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the first input. */
  public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

  /** Processes an element of the second input. */
  public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** What the process methods know besides the element. */
  public abstract class Context {
    /** The element's timestamp, or {@code null}. */
    public abstract Long timestamp();

    /** Time (timers are only available on keyed streams). */
    public abstract TimerService timerService();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}

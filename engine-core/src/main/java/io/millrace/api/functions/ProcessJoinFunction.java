package io.millrace.api.functions;

import io.millrace.api.OutputTag;

/**
 * Processes each pair an interval join finds.
 *
 * @param <IN1> left type
 * @param <IN2> right type
 * @param <OUT> output type
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes a pair; emitted records carry the larger of the two timestamps. */
  public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

  /** What {@link #processElement} knows about the pair. */
  public abstract class Context {
    /** The left element's timestamp. */
    public abstract long getLeftTimestamp();

    /** The right element's timestamp. */
    public abstract long getRightTimestamp();

    /** The pair's timestamp: the larger of both. */
    public abstract long getTimestamp();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}

package io.millrace.api.functions;

import io.millrace.api.OutputTag;

/**
 * The low-level function of a non-keyed stream: sees each element with its timestamp and may
 * emit any number of elements to the main output and to side outputs.
 *
 * <pre>{@code
 * OutputTag<String> rejected = new OutputTag<>("rejected", String.class);
 * SingleOutputStreamOperator<Integer> parsed = lines.process(new ProcessFunction<String, Integer>() {
 *   public void processElement(String line, Context ctx, Collector<Integer> out) {
 *     try { out.collect(Integer.parseInt(line)); } catch (NumberFormatException e) { ctx.output(rejected, line); }
 *   }
 * });
 * DataStream<String> bad = parsed.getSideOutput(rejected);
 * }</pre>
 *
 * <p>Timers need keyed state: use {@link KeyedProcessFunction} after {@code keyBy}.
 *
 * @param <I> input type
 * @param <O> output type
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes one element. */
  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** What {@link #processElement} knows besides the element. */
  public abstract class Context {
    /** The element's timestamp, or {@code null} if it has none. */
    public abstract Long timestamp();

    /** Time (timers are only available on keyed streams). */
    public abstract TimerService timerService();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}

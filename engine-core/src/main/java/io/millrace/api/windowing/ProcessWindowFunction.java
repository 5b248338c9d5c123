package io.millrace.api.windowing;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.AbstractRichFunction;
import io.millrace.api.functions.Collector;
import io.millrace.state.KeyedStateStore;

/**
 * Evaluates a window of a keyed stream with all its elements (or, after an incremental
 * {@code reduce}/{@code aggregate}, with the one pre-aggregated result) and its context.
 *
 * <pre>{@code
 * .process(new ProcessWindowFunction<Click, String, String, TimeWindow>() {
 *   public void process(String page, Context ctx, Iterable<Click> clicks, Collector<String> out) {
 *     long n = 0;
 *     for (Click c : clicks) n++;
 *     out.collect(page + " " + ctx.window().getStart() + ": " + n);
 *   }
 * })
 * }</pre>
 *
 * @param <IN> input type
 * @param <OUT> output type
 * @param <KEY> key type
 * @param <W> window type
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Evaluates the window; emitted records carry the window's {@code maxTimestamp()}. */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** Called when the window is removed; clear per-window state here. The default does nothing. */
  public void clear(Context context) throws Exception {}

  /** What {@link #process} knows besides the elements. */
  public abstract class Context {
    /** The window being evaluated. */
    public abstract W window();

    /** The current processing time. */
    public abstract long currentProcessingTime();

    /** The current watermark. */
    public abstract long currentWatermark();

    /** State scoped to the key and this window (cleared by you in {@link #clear}). */
    public abstract KeyedStateStore windowState();

    /** State scoped to the key, across windows. */
    public abstract KeyedStateStore globalState();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}

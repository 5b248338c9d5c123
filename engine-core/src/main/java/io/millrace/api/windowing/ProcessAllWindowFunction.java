package io.millrace.api.windowing;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.AbstractRichFunction;
import io.millrace.api.functions.Collector;
import io.millrace.state.KeyedStateStore;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}).
 *
 * @param <IN> input type
 * @param <OUT> output type
 * @param <W> window type
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Evaluates the window. */
  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** Called when the window is removed. The default does nothing. */
  public void clear(Context context) throws Exception {}

  /** What {@link #process} knows besides the elements. */
  public abstract class Context {
    /** The window being evaluated. */
    public abstract W window();

    /** The current processing time. */
    public abstract long currentProcessingTime();

    /** The current watermark. */
    public abstract long currentWatermark();

    /** State scoped to this window. */
    public abstract KeyedStateStore windowState();

    /** State across windows. */
    public abstract KeyedStateStore globalState();

    /** Emits {@code value} to the side output {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}

package io.millrace.api.source;

import io.millrace.api.functions.AbstractRichFunction;

/**
 * A {@link ParallelSourceFunction} with {@code open}, {@code close} and a runtime context.
 *
 * @param <T> element type
 */
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction
    implements ParallelSourceFunction<T> {
  private static final long serialVersionUID = 1L;
}

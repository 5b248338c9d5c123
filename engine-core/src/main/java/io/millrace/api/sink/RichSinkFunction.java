package io.millrace.api.sink;

import io.millrace.api.functions.AbstractRichFunction;

/**
 * A {@link SinkFunction} with {@code open}, {@code close} and a runtime context; each parallel
 * subtask has its own instance.
 *
 * @param <T> element type
 */
public abstract class RichSinkFunction<T> extends AbstractRichFunction implements SinkFunction<T> {
  private static final long serialVersionUID = 1L;
}

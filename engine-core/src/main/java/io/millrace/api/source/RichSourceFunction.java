package io.millrace.api.source;

import io.millrace.api.functions.AbstractRichFunction;

/**
 * A non-parallel {@link SourceFunction} with {@code open}, {@code close} and a runtime context.
 *
 * @param <T> element type
 */
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
  private static final long serialVersionUID = 1L;
}

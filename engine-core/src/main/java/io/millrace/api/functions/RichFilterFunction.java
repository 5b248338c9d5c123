package io.millrace.api.functions;

/** The rich form of a filter function: with {@code open}, {@code close} and a runtime context. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
  private static final long serialVersionUID = 1L;
}

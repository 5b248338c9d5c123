package io.millrace.api.functions;

/** The rich form of a map function: with {@code open}, {@code close} and a runtime context. */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}

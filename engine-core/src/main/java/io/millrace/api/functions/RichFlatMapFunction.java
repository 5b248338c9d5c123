package io.millrace.api.functions;

/** The rich form of a flatMap function: with {@code open}, {@code close} and a runtime context. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
  private static final long serialVersionUID = 1L;
}

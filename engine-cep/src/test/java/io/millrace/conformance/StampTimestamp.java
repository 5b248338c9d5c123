package io.millrace.conformance;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;

/**
 * Adds the record timestamp as the line's {@code ts}, as a sink sees it: the last function before
 * the sink, so the timestamp checked is the one the operator under test gave its output.
 */
final class StampTimestamp extends ProcessFunction<OutputLine, OutputLine> {
  private static final long serialVersionUID = 1L;

  @Override
  public void processElement(OutputLine line, Context ctx, Collector<OutputLine> out) {
    out.collect(line.withTs(ctx.timestamp()));
  }
}

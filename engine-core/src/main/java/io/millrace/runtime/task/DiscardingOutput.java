package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.operators.Output;

/** The output of an operator nobody reads (a sink, or a main output without consumers). */
final class DiscardingOutput<T> implements Output<T> {
  private final SideOutputs sideOutputs;

  DiscardingOutput(SideOutputs sideOutputs) {
    this.sideOutputs = sideOutputs;
  }

  @Override
  public void collect(T record, long timestamp) {}

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    sideOutputs.collect(tag, record, timestamp);
  }

  @Override
  public void emitWatermark(long watermark) {
    sideOutputs.emitWatermark(watermark);
  }
}

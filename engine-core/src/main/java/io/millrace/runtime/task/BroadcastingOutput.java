package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.operators.Output;

/** Hands every record to several outputs (an operator read by several downstream operators). */
final class BroadcastingOutput<T> implements Output<T> {
  private final Output<T>[] outputs;
  private final SideOutputs sideOutputs;

  BroadcastingOutput(Output<T>[] outputs, SideOutputs sideOutputs) {
    this.outputs = outputs;
    this.sideOutputs = sideOutputs;
  }

  @Override
  public void collect(T record, long timestamp) {
    for (Output<T> output : outputs) {
      output.collect(record, timestamp);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    sideOutputs.collect(tag, record, timestamp);
  }

  @Override
  public void emitWatermark(long watermark) {
    for (Output<T> output : outputs) {
      output.emitWatermark(watermark);
    }
    sideOutputs.emitWatermark(watermark);
  }
}

package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.channel.ChannelEvent;
import io.millrace.runtime.channel.RecordWriter;
import io.millrace.runtime.operators.Output;

/** Hands records to another task through a {@link RecordWriter}. */
final class WriterOutput<T> implements Output<T> {
  private final RecordWriter<T> writer;
  private final SideOutputs sideOutputs;

  WriterOutput(RecordWriter<T> writer, SideOutputs sideOutputs) {
    this.writer = writer;
    this.sideOutputs = sideOutputs;
  }

  /** The same writer with {@code sides} as this operator's side outputs. */
  WriterOutput<T> withSideOutputs(SideOutputs sides) {
    return new WriterOutput<>(writer, sides);
  }

  @Override
  public void collect(T record, long timestamp) {
    writer.emit(record, timestamp);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    sideOutputs.collect(tag, record, timestamp);
  }

  @Override
  public void emitWatermark(long watermark) {
    writer.broadcastEvent(new ChannelEvent.Watermark(watermark));
    sideOutputs.emitWatermark(watermark);
  }
}

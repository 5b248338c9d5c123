package io.millrace.runtime.operators;

import io.millrace.api.sink.SinkFunction;

/** {@code addSink(SinkFunction)}. */
public final class SinkFunctionOperator<IN> extends AbstractStreamOperator<SinkFunction<IN>, Object>
    implements OneInputStreamOperator<IN, Object> {

  public SinkFunctionOperator(SinkFunction<IN> sink) {
    super(sink);
  }

  @Override
  public void processElement(IN record, long timestamp) {
    try {
      userFunction.invoke(record);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {}

  @Override
  public ChainedInput<IN> chainedInput() {
    return new SinkInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class SinkInput extends ChainedInput<IN> {
    SinkInput() {
      super(SinkFunctionOperator.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

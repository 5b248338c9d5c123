package io.millrace.runtime.operators;

import io.millrace.api.functions.FlatMapFunction;

/** {@code flatMap}: any number of outputs per input, with the input's timestamp. */
public final class StreamFlatMap<IN, OUT> extends AbstractStreamOperator<FlatMapFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;

  public StreamFlatMap(FlatMapFunction<IN, OUT> flatMapper) {
    super(flatMapper);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement(IN record, long timestamp) {
    collector.setTimestamp(timestamp);
    try {
      userFunction.flatMap(record, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public ChainedInput<IN> chainedInput() {
    return new FlatMapInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class FlatMapInput extends ChainedInput<IN> {
    FlatMapInput() {
      super(StreamFlatMap.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

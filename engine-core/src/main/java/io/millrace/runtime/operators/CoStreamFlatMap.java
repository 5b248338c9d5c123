package io.millrace.runtime.operators;

import io.millrace.api.functions.CoFlatMapFunction;

/** {@code connect(...).flatMap(CoFlatMapFunction)}. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
    extends AbstractStreamOperator<CoFlatMapFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private TimestampedCollector<OUT> collector;

  public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> flatMapper) {
    super(flatMapper);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    super.open();
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    collector.setTimestamp(timestamp);
    try {
      userFunction.flatMap1(record, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processElement2(IN2 record, long timestamp) {
    collector.setTimestamp(timestamp);
    try {
      userFunction.flatMap2(record, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }
}

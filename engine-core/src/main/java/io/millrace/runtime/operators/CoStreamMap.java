package io.millrace.runtime.operators;

import io.millrace.api.functions.CoMapFunction;

/** {@code connect(...).map(CoMapFunction)}. */
public final class CoStreamMap<IN1, IN2, OUT> extends AbstractStreamOperator<CoMapFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {

  public CoStreamMap(CoMapFunction<IN1, IN2, OUT> mapper) {
    super(mapper);
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    OUT result;
    try {
      result = userFunction.map1(record);
    } catch (Throwable t) {
      throw failure(t);
    }
    output.collect(result, timestamp);
  }

  @Override
  public void processElement2(IN2 record, long timestamp) {
    OUT result;
    try {
      result = userFunction.map2(record);
    } catch (Throwable t) {
      throw failure(t);
    }
    output.collect(result, timestamp);
  }
}

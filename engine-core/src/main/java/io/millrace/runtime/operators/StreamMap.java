package io.millrace.runtime.operators;

import io.millrace.api.functions.MapFunction;

/** {@code map}: one output per input. */
public final class StreamMap<IN, OUT> extends AbstractStreamOperator<MapFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {

  public StreamMap(MapFunction<IN, OUT> mapper) {
    super(mapper);
  }

  @Override
  public void processElement(IN record, long timestamp) {
    OUT result;
    try {
      result = userFunction.map(record);
    } catch (Throwable t) {
      throw failure(t);
    }
    if (result == null) {
      throw failure(new NullPointerException(
          "the map function returned null for " + record + "; streams cannot carry null elements"));
    }
    output.collect(result, timestamp);
  }

  @Override
  public ChainedInput<IN> chainedInput() {
    return new MapInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class MapInput extends ChainedInput<IN> {
    MapInput() {
      super(StreamMap.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

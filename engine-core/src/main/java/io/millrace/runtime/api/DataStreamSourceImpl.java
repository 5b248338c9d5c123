package io.millrace.runtime.api;

import io.millrace.api.DataStreamSource;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.runtime.graph.SourceTransformation;

/** The implementation of {@link DataStreamSource}. */
final class DataStreamSourceImpl<T> extends SingleOutputStreamOperatorImpl<T> implements DataStreamSource<T> {

  DataStreamSourceImpl(LocalStreamEnvironment env, SourceTransformation<T> transformation) {
    super(env, transformation);
  }

  @Override
  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    if (!((SourceTransformation<T>) transformation).isParallel() && parallelism != 1) {
      throw new IllegalArgumentException(
          transformation.readableName() + " is a non-parallel source and cannot run with parallelism "
              + parallelism + ": implement ParallelSourceFunction, or use fromSequence/fromSource");
    }
    return super.setParallelism(parallelism);
  }
}

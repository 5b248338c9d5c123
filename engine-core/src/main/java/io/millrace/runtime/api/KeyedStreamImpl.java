package io.millrace.runtime.api;

import io.millrace.api.ConnectedStreams;
import io.millrace.api.KeyedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.runtime.graph.PartitionTransformation;
import io.millrace.runtime.operators.KeyedProcessOperator;
import io.millrace.runtime.operators.StreamGroupedReduce;
import java.util.Objects;

/** The implementation of {@link KeyedStream}. */
final class KeyedStreamImpl<T, K> extends DataStreamImpl<T> implements KeyedStream<T, K> {
  private final KeySelector<T, K> keySelector;

  KeyedStreamImpl(LocalStreamEnvironment env, PartitionTransformation<T> partition, KeySelector<T, K> keySelector) {
    super(env, partition);
    this.keySelector = keySelector;
  }

  @Override
  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    Objects.requireNonNull(function, "process function must not be null");
    return addOperator("process", function,
        (subtask, name) -> new KeyedProcessOperator<>(instance(function, subtask, name), keySelector), keySelector);
  }

  @Override
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    Objects.requireNonNull(reducer, "reduce function must not be null");
    return addOperator("reduce", reducer,
        (subtask, name) -> new StreamGroupedReduce<>(instance(reducer, subtask, name), keySelector), keySelector);
  }

  @Override
  public <R> ConnectedStreams<T, R> connect(KeyedStream<R, K> other) {
    return new ConnectedStreamsImpl<>(env, this, of(other));
  }
}

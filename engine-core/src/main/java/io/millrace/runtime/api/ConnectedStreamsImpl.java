package io.millrace.runtime.api;

import io.millrace.api.ConnectedStreams;
import io.millrace.api.DataStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.CoFlatMapFunction;
import io.millrace.api.functions.CoMapFunction;
import io.millrace.api.functions.CoProcessFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedCoProcessFunction;
import io.millrace.runtime.graph.TwoInputTransformation;
import io.millrace.runtime.operators.CoProcessOperator;
import io.millrace.runtime.operators.CoStreamFlatMap;
import io.millrace.runtime.operators.CoStreamMap;
import io.millrace.runtime.operators.KeyedCoProcessOperator;
import io.millrace.runtime.operators.OperatorFactory;
import java.util.Objects;

/** The implementation of {@link ConnectedStreams}. */
final class ConnectedStreamsImpl<IN1, IN2> implements ConnectedStreams<IN1, IN2> {
  private final LocalStreamEnvironment env;
  private final DataStreamImpl<IN1> first;
  private final DataStreamImpl<IN2> second;

  ConnectedStreamsImpl(LocalStreamEnvironment env, DataStreamImpl<IN1> first, DataStreamImpl<IN2> second) {
    this.env = env;
    this.first = first;
    this.second = second;
  }

  @Override
  public DataStream<IN1> getFirstInput() {
    return first;
  }

  @Override
  public DataStream<IN2> getSecondInput() {
    return second;
  }

  @Override
  public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
    Objects.requireNonNull(keySelector1, "first key selector must not be null");
    Objects.requireNonNull(keySelector2, "second key selector must not be null");
    return new ConnectedStreamsImpl<>(env,
        (DataStreamImpl<IN1>) first.keyBy(keySelector1), (DataStreamImpl<IN2>) second.keyBy(keySelector2));
  }

  private boolean isKeyed() {
    return first instanceof KeyedStreamImpl<?, ?> && second instanceof KeyedStreamImpl<?, ?>;
  }

  private <R> SingleOutputStreamOperator<R> addOperator(
      String kind, Function function, OperatorFactory<R> factory, boolean keyed) {
    env.checkNotExecuted(first.transformation(), kind);
    env.checkNotExecuted(second.transformation(), kind);
    TwoInputTransformation<IN1, IN2, R> operator = new TwoInputTransformation<>(
        env.nextId(), kind, FunctionNames.describe(function), env.generation(),
        first.transformation(), second.transformation(), factory, keyed);
    return new SingleOutputStreamOperatorImpl<>(env, operator);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
    Objects.requireNonNull(mapper, "co-map function must not be null");
    return addOperator("coMap", mapper,
        (subtask, name) -> new CoStreamMap<>(DataStreamImpl.instance(mapper, subtask, name)), false);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
    Objects.requireNonNull(flatMapper, "co-flatMap function must not be null");
    return addOperator("coFlatMap", flatMapper,
        (subtask, name) -> new CoStreamFlatMap<>(DataStreamImpl.instance(flatMapper, subtask, name)), false);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
    Objects.requireNonNull(function, "co-process function must not be null");
    return addOperator("coProcess", function,
        (subtask, name) -> new CoProcessOperator<>(DataStreamImpl.instance(function, subtask, name)), false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
    Objects.requireNonNull(function, "keyed co-process function must not be null");
    if (!isKeyed()) {
      throw new IllegalStateException(
          "A KeyedCoProcessFunction needs both inputs keyed: call keyBy(keySelector1, keySelector2) on the "
              + "connected streams, or connect two keyed streams");
    }
    KeySelector<IN1, K> key1 = ((KeyedStreamImpl<IN1, K>) first).getKeySelector();
    KeySelector<IN2, K> key2 = ((KeyedStreamImpl<IN2, K>) second).getKeySelector();
    return addOperator("coProcess", function,
        (subtask, name) -> new KeyedCoProcessOperator<>(DataStreamImpl.instance(function, subtask, name), key1, key2),
        true);
  }
}

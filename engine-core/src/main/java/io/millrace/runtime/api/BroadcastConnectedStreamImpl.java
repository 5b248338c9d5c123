package io.millrace.runtime.api;

import io.millrace.api.BroadcastConnectedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.BroadcastProcessFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;
import io.millrace.runtime.graph.TwoInputTransformation;
import io.millrace.runtime.operators.BroadcastProcessOperator;
import io.millrace.runtime.operators.KeyedBroadcastProcessOperator;
import io.millrace.runtime.operators.OperatorFactory;
import io.millrace.state.MapStateDescriptor;
import java.util.List;
import java.util.Objects;

/** The implementation of {@link BroadcastConnectedStream}; the broadcast side is input 2. */
final class BroadcastConnectedStreamImpl<IN1, IN2> implements BroadcastConnectedStream<IN1, IN2> {
  private final LocalStreamEnvironment env;
  private final DataStreamImpl<IN1> nonBroadcast;
  private final BroadcastStreamImpl<IN2> broadcast;

  BroadcastConnectedStreamImpl(
      LocalStreamEnvironment env, DataStreamImpl<IN1> nonBroadcast, BroadcastStreamImpl<IN2> broadcast) {
    this.env = env;
    this.nonBroadcast = nonBroadcast;
    this.broadcast = broadcast;
  }

  private <R> SingleOutputStreamOperator<R> addOperator(Function function, OperatorFactory<R> factory, boolean keyed) {
    env.checkNotExecuted(nonBroadcast.transformation(), "process");
    env.checkNotExecuted(broadcast.transformation(), "process");
    TwoInputTransformation<IN1, IN2, R> operator = new TwoInputTransformation<>(
        env.nextId(), "process", FunctionNames.describe(function), env.generation(),
        nonBroadcast.transformation(), broadcast.transformation(), factory, keyed);
    return new SingleOutputStreamOperatorImpl<>(env, operator);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(BroadcastProcessFunction<IN1, IN2, R> function) {
    Objects.requireNonNull(function, "broadcast process function must not be null");
    if (nonBroadcast instanceof KeyedStreamImpl<?, ?>) {
      throw new IllegalArgumentException(
          "A BroadcastProcessFunction processes a non-keyed stream, but this stream is keyed: "
              + "use a KeyedBroadcastProcessFunction");
    }
    List<MapStateDescriptor<?, ?>> descriptors = broadcast.getBroadcastStateDescriptors();
    return addOperator(function,
        (subtask, name) -> new BroadcastProcessOperator<>(DataStreamImpl.instance(function, subtask, name), descriptors),
        false);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, R> SingleOutputStreamOperator<R> process(KeyedBroadcastProcessFunction<K, IN1, IN2, R> function) {
    Objects.requireNonNull(function, "keyed broadcast process function must not be null");
    if (!(nonBroadcast instanceof KeyedStreamImpl<?, ?> keyed)) {
      throw new IllegalArgumentException(
          "A KeyedBroadcastProcessFunction processes a keyed stream, but this stream is not keyed: "
              + "keyBy(...) it before connect(...), or use a BroadcastProcessFunction");
    }
    KeySelector<IN1, K> keySelector = ((KeyedStreamImpl<IN1, K>) keyed).getKeySelector();
    List<MapStateDescriptor<?, ?>> descriptors = broadcast.getBroadcastStateDescriptors();
    return addOperator(function,
        (subtask, name) -> new KeyedBroadcastProcessOperator<>(
            DataStreamImpl.instance(function, subtask, name), keySelector, descriptors),
        true);
  }
}

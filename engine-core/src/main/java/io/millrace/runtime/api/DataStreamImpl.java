package io.millrace.runtime.api;

import io.millrace.api.BroadcastConnectedStream;
import io.millrace.api.BroadcastStream;
import io.millrace.api.CloseableIterator;
import io.millrace.api.CoGroupedStreams;
import io.millrace.api.ConnectedStreams;
import io.millrace.api.DataStream;
import io.millrace.api.DataStreamSink;
import io.millrace.api.JoinedStreams;
import io.millrace.api.KeyedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.FilterFunction;
import io.millrace.api.functions.FlatMapFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.sink.Sink;
import io.millrace.api.windowing.AllWindowedStream;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.sink.SinkFunction;
import io.millrace.api.sink.TwoPhaseCommitSink;
import io.millrace.runtime.eventtime.TimestampsAndWatermarksOperator;
import io.millrace.runtime.graph.OneInputTransformation;
import io.millrace.runtime.graph.PartitionTransformation;
import io.millrace.runtime.graph.Transformation;
import io.millrace.runtime.graph.UnionTransformation;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorFactory;
import io.millrace.runtime.operators.ProcessOperator;
import io.millrace.runtime.operators.SinkFunctionOperator;
import io.millrace.runtime.operators.SinkWriterOperator;
import io.millrace.runtime.operators.StreamFilter;
import io.millrace.runtime.operators.StreamFlatMap;
import io.millrace.runtime.operators.StreamMap;
import io.millrace.runtime.operators.TwoPhaseCommitSinkOperator;
import io.millrace.state.MapStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The implementation of {@link DataStream}: each method records a transformation. */
class DataStreamImpl<T> implements DataStream<T> {
  protected final LocalStreamEnvironment env;
  protected final Transformation<T> transformation;

  DataStreamImpl(LocalStreamEnvironment env, Transformation<T> transformation) {
    this.env = env;
    this.transformation = transformation;
  }

  /** The transformation producing this stream. */
  Transformation<T> transformation() {
    return transformation;
  }

  @Override
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return env;
  }

  @Override
  public int getParallelism() {
    return transformation.parallelism() != Transformation.DEFAULT ? transformation.parallelism() : env.getParallelism();
  }

  // ---------------------------------------------------------------- one-input operators

  /** Adds a one-input operator reading this stream; keyed when {@code keySelector} is set. */
  <R> SingleOutputStreamOperatorImpl<R> addOperator(
      String kind, Function function, OperatorFactory<R> factory, KeySelector<T, ?> keySelector) {
    env.checkNotExecuted(transformation, kind);
    OneInputTransformation<T, R> operator = new OneInputTransformation<>(
        env.nextId(), kind, FunctionNames.describe(function), env.generation(), transformation, factory, keySelector, false);
    return new SingleOutputStreamOperatorImpl<>(env, operator);
  }

  /** The per-subtask instance of {@code function} (see {@link FunctionInstances}). */
  static <F extends Function> F instance(F function, int subtask, String operatorName) {
    return FunctionInstances.forSubtask(function, subtask, operatorName);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    Objects.requireNonNull(mapper, "map function must not be null");
    return addOperator("map", mapper, (subtask, name) -> new StreamMap<>(instance(mapper, subtask, name)), null);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    Objects.requireNonNull(flatMapper, "flatMap function must not be null");
    return addOperator("flatMap", flatMapper, (subtask, name) -> new StreamFlatMap<>(instance(flatMapper, subtask, name)), null);
  }

  @Override
  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    Objects.requireNonNull(filter, "filter function must not be null");
    return addOperator("filter", filter, (subtask, name) -> new StreamFilter<>(instance(filter, subtask, name)), null);
  }

  @Override
  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
    Objects.requireNonNull(processFunction, "process function must not be null");
    return addOperator("process", processFunction,
        (subtask, name) -> new ProcessOperator<>(instance(processFunction, subtask, name)), null);
  }

  @Override
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    Objects.requireNonNull(strategy, "watermark strategy must not be null");
    java.time.Duration interval = env.getConfig().getAutoWatermarkInterval();
    SingleOutputStreamOperatorImpl<T> stamped = addOperator("timestamps", null,
        (subtask, name) -> new TimestampsAndWatermarksOperator<>(strategy, interval), null);
    if (strategy.producesWatermarks()) {
      stamped.transformation().setProducesWatermarks();
    }
    return stamped.name("watermarks");
  }

  // ---------------------------------------------------------------- partitioning

  @Override
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    Objects.requireNonNull(keySelector, "key selector must not be null");
    return new KeyedStreamImpl<>(env, partition(PartitionTransformation.Strategy.KEY_GROUPS, keySelector), keySelector);
  }

  PartitionTransformation<T> partition(PartitionTransformation.Strategy strategy, KeySelector<T, ?> keySelector) {
    String operation = strategy == PartitionTransformation.Strategy.KEY_GROUPS ? "keyBy" : strategy.name().toLowerCase(java.util.Locale.ROOT);
    env.checkNotExecuted(transformation, operation);
    return new PartitionTransformation<>(env.nextId(),
        keySelector != null ? FunctionNames.describe(keySelector) : transformation.readableName(),
        env.generation(), transformation, strategy, keySelector);
  }

  @Override
  public DataStream<T> broadcast() {
    return new DataStreamImpl<>(env, partition(PartitionTransformation.Strategy.BROADCAST, null));
  }

  @Override
  public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
    if (descriptors.length == 0) {
      throw new IllegalArgumentException(
          "broadcast(...) needs at least one MapStateDescriptor for the broadcast state; use broadcast() "
              + "to only send every element to every instance");
    }
    return new BroadcastStreamImpl<>(env, partition(PartitionTransformation.Strategy.BROADCAST, null), List.of(descriptors));
  }

  @Override
  public DataStream<T> rebalance() {
    return new DataStreamImpl<>(env, partition(PartitionTransformation.Strategy.REBALANCE, null));
  }

  @Override
  public DataStream<T> shuffle() {
    return new DataStreamImpl<>(env, partition(PartitionTransformation.Strategy.SHUFFLE, null));
  }

  @Override
  public DataStream<T> global() {
    return new DataStreamImpl<>(env, partition(PartitionTransformation.Strategy.GLOBAL, null));
  }

  // ---------------------------------------------------------------- union and connect

  @Override
  public DataStream<T> union(DataStream<T> other) {
    return union(List.of(other));
  }

  @Override
  public DataStream<T> union(DataStream<T> second, DataStream<T> third) {
    return union(List.of(second, third));
  }

  @Override
  public DataStream<T> union(DataStream<T> second, DataStream<T> third, DataStream<T> fourth) {
    return union(List.of(second, third, fourth));
  }

  @Override
  public DataStream<T> union(List<? extends DataStream<T>> others) {
    env.checkNotExecuted(transformation, "union");
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> other : others) {
      Transformation<T> input = of(other).transformation;
      env.checkNotExecuted(input, "union");
      inputs.add(input);
    }
    return new DataStreamImpl<>(env, new UnionTransformation<>(env.nextId(), env.generation(), inputs));
  }

  @Override
  public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
    Objects.requireNonNull(assigner, "window assigner must not be null");
    return WindowingProvider.get().windowAll(this, assigner);
  }

  @Override
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return WindowingProvider.get().join(this, of(other));
  }

  @Override
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return WindowingProvider.get().coGroup(this, of(other));
  }

  @Override
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    return new ConnectedStreamsImpl<>(env, this, of(other));
  }

  @Override
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    Objects.requireNonNull(broadcastStream, "broadcast stream must not be null");
    return new BroadcastConnectedStreamImpl<>(env, this, (BroadcastStreamImpl<R>) broadcastStream);
  }

  /** The implementation behind a stream of this environment. */
  <X> DataStreamImpl<X> of(DataStream<X> stream) {
    Objects.requireNonNull(stream, "stream must not be null");
    if (!(stream instanceof DataStreamImpl<X> impl) || impl.env != env) {
      throw new IllegalArgumentException("Cannot combine streams of different environments: " + stream);
    }
    return impl;
  }

  // ---------------------------------------------------------------- sinks

  @Override
  public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
    Objects.requireNonNull(sinkFunction, "sink function must not be null");
    return addSinkOperator("sink", sinkFunction,
        (subtask, name) -> new SinkFunctionOperator<>(instance(sinkFunction, subtask, name)));
  }

  @Override
  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    Objects.requireNonNull(sink, "sink must not be null");
    return addSinkOperator("sink", sink, (subtask, name) -> new SinkWriterOperator<>(sink));
  }

  @Override
  public DataStreamSink<T> sinkTo(TwoPhaseCommitSink<T, ?> sink) {
    Objects.requireNonNull(sink, "sink must not be null");
    return addSinkOperator("sink", sink, (subtask, name) -> new TwoPhaseCommitSinkOperator<>(instance(sink, subtask, name)));
  }

  @Override
  public DataStreamSink<T> print() {
    PrintSinkFunction<T> printer = new PrintSinkFunction<>();
    return addSinkOperator("print", printer, (subtask, name) -> new SinkFunctionOperator<>(instance(printer, subtask, name)))
        .name("stdout");
  }

  DataStreamSink<T> addSinkOperator(String kind, Function function, OperatorFactory<Object> factory) {
    env.checkNotExecuted(transformation, kind);
    OneInputTransformation<T, Object> sink = new OneInputTransformation<>(
        env.nextId(), kind, FunctionNames.describe(function), env.generation(), transformation, factory, null, true);
    env.addSink(sink);
    return new DataStreamSinkImpl<>(sink);
  }

  @Override
  public CloseableIterator<T> executeAndCollect() throws Exception {
    return CollectIterator.start(this, Integer.MAX_VALUE);
  }

  @Override
  public List<T> executeAndCollect(int limit) throws Exception {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit + " for executeAndCollect(limit)");
    }
    List<T> collected = new ArrayList<>();
    try (CloseableIterator<T> iterator = CollectIterator.start(this, limit)) {
      while (collected.size() < limit && iterator.hasNext()) {
        collected.add(iterator.next());
      }
    }
    return collected;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + transformation.readableName() + "}";
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.BroadcastProcessFunction;
import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReadOnlyBroadcastState;
import java.util.List;

/** A non-keyed stream connected with a broadcast stream (input 2). */
public final class BroadcastProcessOperator<IN1, IN2, OUT>
    extends AbstractStreamOperator<BroadcastProcessFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private BroadcastStates states;
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyContext;
  private ContextImpl broadcastContext;
  private long currentTimestamp;

  public BroadcastProcessOperator(
      BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    states = new BroadcastStates(descriptors, context.operatorStateBackend(), context.operatorName());
    collector = new TimestampedCollector<>(output);
    readOnlyContext = new ReadOnlyContextImpl(userFunction);
    broadcastContext = new ContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement(record, readOnlyContext, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processElement2(IN2 record, long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processBroadcastElement(record, broadcastContext, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return boxTimestamp(currentTimestamp);
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.get(descriptor);
    }
  }

  private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return boxTimestamp(currentTimestamp);
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
      return states.get(descriptor);
    }
  }
}

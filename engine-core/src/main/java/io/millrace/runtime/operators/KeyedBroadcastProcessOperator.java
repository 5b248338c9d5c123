package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;
import io.millrace.api.functions.TimeDomain;
import io.millrace.api.functions.TimerService;
import io.millrace.state.BroadcastState;
import io.millrace.state.KeyedStateFunction;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReadOnlyBroadcastState;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;
import io.millrace.state.internal.VoidNamespace;
import java.util.List;

/** A keyed stream (input 1) connected with a broadcast stream (input 2). */
public final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT>
    extends AbstractStreamOperator<KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private final KeySelector<IN1, K> keySelector;
  private final List<MapStateDescriptor<?, ?>> descriptors;
  private KeyedOperatorSupport<IN1, K> keyed;
  private BroadcastStates states;
  private KeyedTimers<K> timers;
  private TimestampedCollector<OUT> collector;
  private ReadOnlyContextImpl readOnlyContext;
  private ContextImpl broadcastContext;
  private OnTimerContextImpl timerContext;
  private long currentTimestamp;

  public KeyedBroadcastProcessOperator(
      KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
      KeySelector<IN1, K> keySelector,
      List<MapStateDescriptor<?, ?>> descriptors) {
    super(function);
    this.keySelector = keySelector;
    this.descriptors = descriptors;
  }

  @Override
  public void open() throws Exception {
    keyed = new KeyedOperatorSupport<>(keySelector, context);
    states = new BroadcastStates(descriptors, context.operatorStateBackend(), context.operatorName());
    timers = new KeyedTimers<>(keyed.backend(), context, this::onTimer);
    collector = new TimestampedCollector<>(output);
    readOnlyContext = new ReadOnlyContextImpl(userFunction);
    broadcastContext = new ContextImpl(userFunction);
    timerContext = new OnTimerContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    keyed.setCurrentKey(record);
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

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  private void onTimer(long time) throws Exception {
    currentTimestamp = timers.firingTimestamp();
    collector.setTimestamp(currentTimestamp);
    userFunction.onTimer(time, timerContext, collector);
  }

  @Override
  public void close() throws Exception {
    if (timers != null) {
      timers.close();
    }
    super.close();
  }

  private final class ReadOnlyContextImpl
      extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext {
    ReadOnlyContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return boxTimestamp(currentTimestamp);
    }

    @Override
    public TimerService timerService() {
      return timers.service();
    }

    @Override
    public K getCurrentKey() {
      return keyed.backend().getCurrentKey();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
      return states.get(descriptor);
    }
  }

  private final class OnTimerContextImpl
      extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
    OnTimerContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return timers.firingTime();
    }

    @Override
    public TimerService timerService() {
      return timers.service();
    }

    @Override
    public K getCurrentKey() {
      return keyed.backend().getCurrentKey();
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
      return states.get(descriptor);
    }

    @Override
    public TimeDomain timeDomain() {
      return timers.firingDomain();
    }
  }

  private final class ContextImpl extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context {
    ContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
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
    public <KB, VB> BroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
      return states.get(descriptor);
    }

    @Override
    public <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<K, S> function) throws Exception {
      keyed.backend().applyToAllKeys(VoidNamespace.INSTANCE, descriptor, function);
    }
  }
}

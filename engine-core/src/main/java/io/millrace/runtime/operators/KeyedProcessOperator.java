package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.TimeDomain;
import io.millrace.api.functions.TimerService;

/** {@code keyBy(...).process(KeyedProcessFunction)}: keyed state, timers, side outputs. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractStreamOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {
  private final KeySelector<IN, K> keySelector;
  private KeyedOperatorSupport<IN, K> keyed;
  private KeyedTimers<K> timers;
  private TimestampedCollector<OUT> collector;
  private ContextImpl elementContext;
  private OnTimerContextImpl timerContext;
  private long currentTimestamp;

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector) {
    super(function);
    this.keySelector = keySelector;
  }

  @Override
  public void open() throws Exception {
    keyed = new KeyedOperatorSupport<>(keySelector, context);
    timers = new KeyedTimers<>(keyed.backend(), context, this::onTimer);
    collector = new TimestampedCollector<>(output);
    elementContext = new ContextImpl(userFunction);
    timerContext = new OnTimerContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement(IN record, long timestamp) {
    keyed.setCurrentKey(record);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement(record, elementContext, collector);
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

  private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
    ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
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
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public K getCurrentKey() {
      return keyed.backend().getCurrentKey();
    }
  }

  private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
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
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }

    @Override
    public K getCurrentKey() {
      return keyed.backend().getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return timers.firingDomain();
    }
  }
}

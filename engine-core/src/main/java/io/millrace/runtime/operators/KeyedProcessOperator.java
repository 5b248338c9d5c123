package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.TimeDomain;
import io.millrace.api.functions.TimerService;
import io.millrace.runtime.time.InternalTimer;
import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.Triggerable;
import io.millrace.state.internal.VoidNamespace;

/** {@code keyBy(...).process(KeyedProcessFunction)}: keyed state, timers, side outputs. */
public final class KeyedProcessOperator<K, IN, OUT>
    extends AbstractStreamOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
  private final KeySelector<IN, K> keySelector;
  private KeyedOperatorSupport<IN, K> keyed;
  private InternalTimerService<K, VoidNamespace> timers;
  private TimerService timerService;
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
    timers = new InternalTimerService<>(keyed.backend(), context.clock(), context.mailbox(), this);
    timerService = new KeyedTimerService(timers);
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

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) {
    fire(timer, TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {
    fire(timer, TimeDomain.PROCESSING_TIME);
  }

  private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) {
    currentTimestamp = domain == TimeDomain.EVENT_TIME ? timer.timestamp() : Output.NO_TIMESTAMP;
    collector.setTimestamp(currentTimestamp);
    timerContext.domain = domain;
    timerContext.firingTime = timer.timestamp();
    try {
      userFunction.onTimer(timer.timestamp(), timerContext, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
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
      return timerService;
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
    TimeDomain domain;
    long firingTime;

    OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return firingTime;
    }

    @Override
    public TimerService timerService() {
      return timerService;
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
      return domain;
    }
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.KeyedCoProcessFunction;
import io.millrace.api.functions.TimeDomain;
import io.millrace.api.functions.TimerService;

/** {@code connect(...).keyBy(...).process(KeyedCoProcessFunction)}: state shared by both inputs. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
    extends AbstractStreamOperator<KeyedCoProcessFunction<K, IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private final KeySelector<IN1, K> keySelector1;
  private final KeySelector<IN2, K> keySelector2;
  private KeyedOperatorSupport<IN1, K> keyed1;
  private KeyedOperatorSupport<IN2, K> keyed2;
  private KeyedTimers<K> timers;
  private TimestampedCollector<OUT> collector;
  private ContextImpl elementContext;
  private OnTimerContextImpl timerContext;
  private long currentTimestamp;

  public KeyedCoProcessOperator(
      KeyedCoProcessFunction<K, IN1, IN2, OUT> function,
      KeySelector<IN1, K> keySelector1,
      KeySelector<IN2, K> keySelector2) {
    super(function);
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
  }

  @Override
  public void open() throws Exception {
    keyed1 = new KeyedOperatorSupport<>(keySelector1, context);
    keyed2 = new KeyedOperatorSupport<>(keySelector2, context);
    timers = new KeyedTimers<>(keyed1.backend(), context, this::onTimer);
    collector = new TimestampedCollector<>(output);
    elementContext = new ContextImpl(userFunction);
    timerContext = new OnTimerContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    keyed1.setCurrentKey(record);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement1(record, elementContext, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processElement2(IN2 record, long timestamp) {
    keyed2.setCurrentKey(record);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement2(record, elementContext, collector);
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

  private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
    ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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
      return keyed1.backend().getCurrentKey();
    }
  }

  private final class OnTimerContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
    OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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
      return keyed1.backend().getCurrentKey();
    }

    @Override
    public TimeDomain timeDomain() {
      return timers.firingDomain();
    }
  }
}

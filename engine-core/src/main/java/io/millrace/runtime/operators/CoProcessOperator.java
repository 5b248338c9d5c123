package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.CoProcessFunction;
import io.millrace.api.functions.TimerService;

/** {@code connect(...).process(CoProcessFunction)} on non-keyed streams. */
public final class CoProcessOperator<IN1, IN2, OUT>
    extends AbstractStreamOperator<CoProcessFunction<IN1, IN2, OUT>, OUT>
    implements TwoInputStreamOperator<IN1, IN2, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl contextImpl;
  private NoTimersService timers;
  private long currentTimestamp;

  public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
    super(function);
  }

  @Override
  public void open() throws Exception {
    collector = new TimestampedCollector<>(output);
    timers = new NoTimersService(context);
    contextImpl = new ContextImpl(userFunction);
    super.open();
  }

  @Override
  public void processElement1(IN1 record, long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement1(record, contextImpl, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processElement2(IN2 record, long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement2(record, contextImpl, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    timers.setWatermark(watermark);
    output.emitWatermark(watermark);
  }

  private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
    ContextImpl(CoProcessFunction<IN1, IN2, OUT> function) {
      function.super();
    }

    @Override
    public Long timestamp() {
      return boxTimestamp(currentTimestamp);
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> outputTag, X value) {
      output.collect(outputTag, value, currentTimestamp);
    }
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.functions.TimerService;

/** {@code process(ProcessFunction)} on a non-keyed stream. */
public final class ProcessOperator<IN, OUT> extends AbstractStreamOperator<ProcessFunction<IN, OUT>, OUT>
    implements OneInputStreamOperator<IN, OUT> {
  private TimestampedCollector<OUT> collector;
  private ContextImpl contextImpl;
  private NoTimersService timers;
  private long currentTimestamp;

  public ProcessOperator(ProcessFunction<IN, OUT> function) {
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
  public void processElement(IN record, long timestamp) {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    try {
      userFunction.processElement(record, contextImpl, collector);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    timers.setWatermark(watermark);
    output.emitWatermark(watermark);
  }

  private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
    ContextImpl(ProcessFunction<IN, OUT> function) {
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

  @Override
  public ChainedInput<IN> chainedInput() {
    return new ProcessInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class ProcessInput extends ChainedInput<IN> {
    ProcessInput() {
      super(ProcessOperator.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

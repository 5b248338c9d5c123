package io.millrace.runtime.eventtime;

import io.millrace.api.eventtime.TimestampAssigner;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Function;
import io.millrace.runtime.operators.AbstractStreamOperator;
import io.millrace.runtime.operators.ChainedInput;
import io.millrace.runtime.operators.OneInputStreamOperator;
import java.time.Duration;

/**
 * {@code assignTimestampsAndWatermarks}: stamps each record with the strategy's timestamp and
 * emits the generator's watermarks (on events, and periodically through the mailbox). As in
 * Flink, watermarks from upstream are dropped — this operator is the stream's new source of
 * event time — except the final {@code Long.MAX_VALUE} at the end of input.
 *
 * @param <T> element type
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<Function, T>
    implements OneInputStreamOperator<T, T>, WatermarkOutput {
  private final WatermarkStrategy<T> strategy;
  private final Duration autoWatermarkInterval;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private long lastEmitted = Long.MIN_VALUE;
  private Runnable cancelPeriodicEmit = () -> {};
  private boolean closed;

  public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, Duration autoWatermarkInterval) {
    super(null);
    this.strategy = strategy;
    this.autoWatermarkInterval = autoWatermarkInterval;
  }

  @Override
  public void open() throws Exception {
    super.open();
    assigner = strategy.createTimestampAssigner();
    generator = strategy.createWatermarkGenerator(context.clock()::currentTimeMillis);
    if (!autoWatermarkInterval.isZero()) {
      schedulePeriodicEmit();
    }
  }

  private void schedulePeriodicEmit() {
    long next = context.clock().currentTimeMillis() + autoWatermarkInterval.toMillis();
    cancelPeriodicEmit = context.clock().schedule(next, () -> context.mailbox().execute(() -> {
      if (!closed) {
        generator.onPeriodicEmit(this);
        schedulePeriodicEmit();
      }
    }));
  }

  @Override
  public void processElement(T record, long timestamp) {
    long assigned;
    try {
      assigned = assigner.extractTimestamp(record, timestamp);
    } catch (Throwable t) {
      throw failure(t);
    }
    if (assigned < 0 && assigned != TimestampAssigner.NO_TIMESTAMP) {
      throw failure(new IllegalArgumentException("the timestamp assigner returned " + assigned + " for " + record
          + "; event timestamps are epoch milliseconds and must not be negative"));
    }
    output.collect(record, assigned);
    try {
      generator.onEvent(record, assigned, this);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Long.MAX_VALUE) {
      emitWatermark(Watermark.MAX_WATERMARK);
    }
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    if (watermark.getTimestamp() > lastEmitted) {
      lastEmitted = watermark.getTimestamp();
      output.emitWatermark(lastEmitted);
    }
  }

  /** Idleness of a chained operator is not propagated (sources mark idleness). */
  @Override
  public void markIdle() {}

  @Override
  public void markActive() {}

  @Override
  public void close() throws Exception {
    closed = true;
    cancelPeriodicEmit.run();
    super.close();
  }

  @Override
  public ChainedInput<T> chainedInput() {
    return new Input();
  }

  /** This operator's own chained input (see {@link ChainedInput}). */
  private final class Input extends ChainedInput<T> {
    Input() {
      super(TimestampsAndWatermarksOperator.this);
    }

    @Override
    public void collect(T record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

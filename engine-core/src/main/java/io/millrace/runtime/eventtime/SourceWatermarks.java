package io.millrace.runtime.eventtime;

import io.millrace.api.eventtime.TimestampAssigner;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.ReaderOutput;
import io.millrace.api.source.SourceOutput;
import io.millrace.runtime.operators.Output;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@link ReaderOutput} of a split-based source: assigns timestamps with the strategy's
 * assigner, runs one watermark generator for the reader's own output and one per split output,
 * and combines their watermarks (minimum over active outputs) into the task's watermark.
 *
 * @param <T> element type
 */
public final class SourceWatermarks<T> implements ReaderOutput<T> {
  private static final String READER_OUTPUT = "\u0000reader";

  private final Output<T> output;
  private final WatermarkStrategy<T> strategy;
  private final TimestampAssigner<T> assigner;
  private final LongSupplier clock;
  private final WatermarkMultiplexer multiplexer;
  private final SplitOutput readerOutput;
  private final Map<String, SplitOutput> splitOutputs = new HashMap<>();
  private boolean readerOutputUsed;

  public SourceWatermarks(Output<T> output, WatermarkStrategy<T> strategy, LongSupplier clock, WatermarkEmitter emitter) {
    this.output = output;
    this.strategy = strategy;
    this.assigner = strategy.createTimestampAssigner();
    this.clock = clock;
    this.multiplexer = new WatermarkMultiplexer(emitter);
    this.readerOutput = new SplitOutput(READER_OUTPUT);
  }

  /** Runs every generator's periodic emission (on the auto-watermark interval). */
  public void onPeriodicEmit() {
    if (readerOutputUsed) {
      readerOutput.generator.onPeriodicEmit(readerOutput);
    }
    for (SplitOutput split : splitOutputs.values()) {
      split.generator.onPeriodicEmit(split);
    }
  }

  private void useReaderOutput() {
    if (!readerOutputUsed) {
      readerOutputUsed = true;
      multiplexer.register(READER_OUTPUT);
    }
  }

  @Override
  public void collect(T record) {
    useReaderOutput();
    readerOutput.collect(record);
  }

  @Override
  public void collect(T record, long timestamp) {
    useReaderOutput();
    readerOutput.collect(record, timestamp);
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    useReaderOutput();
    readerOutput.emitWatermark(watermark);
  }

  @Override
  public void markIdle() {
    useReaderOutput();
    readerOutput.markIdle();
  }

  @Override
  public void markActive() {
    useReaderOutput();
    readerOutput.markActive();
  }

  @Override
  public SourceOutput<T> createOutputForSplit(String splitId) {
    return splitOutputs.computeIfAbsent(splitId, id -> {
      multiplexer.register(id);
      return new SplitOutput(id);
    });
  }

  @Override
  public void releaseOutputForSplit(String splitId) {
    if (splitOutputs.remove(splitId) != null) {
      multiplexer.unregister(splitId);
    }
  }

  /** One output with its own generator; the hot path is {@link #collect(Object, long)}. */
  private final class SplitOutput implements SourceOutput<T>, WatermarkOutput {
    private final String id;
    private final WatermarkGenerator<T> generator;

    SplitOutput(String id) {
      this.id = id;
      this.generator = strategy.createWatermarkGenerator(clock);
    }

    @Override
    public void collect(T record) {
      collect(record, TimestampAssigner.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
      long assigned = assigner.extractTimestamp(record, timestamp);
      if (assigned < 0 && assigned != TimestampAssigner.NO_TIMESTAMP) {
        throw new IllegalArgumentException("the timestamp of " + record + " is " + assigned
            + "; event timestamps are epoch milliseconds and must not be negative: fix the timestamp assigner");
      }
      output.collect(record, assigned);
      generator.onEvent(record, assigned, this);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
      multiplexer.onWatermark(id, watermark.getTimestamp());
    }

    @Override
    public void markIdle() {
      multiplexer.onIdle(id, true);
    }

    @Override
    public void markActive() {
      multiplexer.onIdle(id, false);
    }
  }
}

package io.millrace.runtime.task;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.InputStatus;
import io.millrace.api.source.SourceReader;
import io.millrace.api.source.SourceSplit;
import io.millrace.runtime.eventtime.SourceWatermarks;
import io.millrace.runtime.eventtime.WatermarkEmitter;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.UserCodeFailure;
import io.millrace.runtime.checkpoint.JavaSerialization;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Polls a {@link SourceReader} on the task's thread. Records pass through the source's
 * watermark strategy (timestamps, per-split watermark generators; periodic emission on the
 * auto-watermark interval, run through the mailbox). When the reader has nothing, the task
 * flushes its outputs and parks until the reader's availability future completes or mail
 * arrives (a split assignment completes the future too).
 *
 * @param <T> element type
 * @param <SplitT> split type
 */
public final class SourceReaderDriver<T, SplitT extends SourceSplit> implements SourceDriver {
  private final SourceReader<T, SplitT> reader;
  private final Output<T> output;
  private final OperatorContext context;
  private final WatermarkStrategy<T> watermarkStrategy;
  private final Duration autoWatermarkInterval;
  private static final String SPLITS_STATE = "source-reader-splits";

  private final Runnable onStart;
  private Runnable cancelPeriodicEmit = () -> {};

  /**
   * @param onStart registers the reader with the split enumerator, on the task's thread
   */
  public SourceReaderDriver(
      SourceReader<T, SplitT> reader, Output<T> output, OperatorContext context,
      WatermarkStrategy<T> watermarkStrategy, Duration autoWatermarkInterval, Runnable onStart) {
    this.reader = reader;
    this.output = output;
    this.context = context;
    this.watermarkStrategy = watermarkStrategy;
    this.autoWatermarkInterval = autoWatermarkInterval;
    this.onStart = onStart;
  }

  /** Adds splits; called through the task's mailbox. */
  public void addSplits(List<SplitT> splits) {
    reader.addSplits(splits);
  }

  /** Tells the reader no more splits come; called through the task's mailbox. */
  public void notifyNoMoreSplits() {
    reader.notifyNoMoreSplits();
  }

  @Override
  public void run(StreamTask task) throws Exception {
    WatermarkEmitter emitter = new WatermarkEmitter() {
      @Override
      public void emitWatermark(long watermark) {
        output.emitWatermark(watermark);
      }

      @Override
      public void emitIdle(boolean idle) {
        task.emitIdle(idle);
      }
    };
    SourceWatermarks<T> readerOutput =
        new SourceWatermarks<>(output, watermarkStrategy, context.clock()::currentTimeMillis, emitter);
    try {
      List<SplitT> restored = restoredSplits();
      if (!restored.isEmpty()) {
        reader.addSplits(restored);
      }
      onStart.run();
      reader.start();
      if (watermarkStrategy.producesWatermarks() && !autoWatermarkInterval.isZero()) {
        schedulePeriodicEmit(readerOutput, task);
      }
      CompletableFuture<Void> watched = null;
      while (true) {
        if (task.needsAttention()) {
          task.handleAttention();
          if (task.isStopped()) {
            task.idleUntilCancelled();
          }
        }
        InputStatus status = reader.pollNext(readerOutput);
        if (status == InputStatus.END_OF_INPUT) {
          return;
        }
        if (status == InputStatus.NOTHING_AVAILABLE) {
          CompletableFuture<Void> available = reader.isAvailable();
          if (available != watched) {
            watched = available;
            available.thenRun(task.parker()::wakeUnconditionally);
          }
          task.awaitWork(available::isDone);
        }
      }
    } catch (Throwable t) {
      throw UserCodeFailure.of(context, t);
    } finally {
      cancelPeriodicEmit.run();
      reader.close();
    }
  }

  private void schedulePeriodicEmit(SourceWatermarks<T> readerOutput, StreamTask task) {
    long next = context.clock().currentTimeMillis() + autoWatermarkInterval.toMillis();
    cancelPeriodicEmit = context.clock().schedule(next, () -> task.mailbox().execute(() -> {
      readerOutput.onPeriodicEmit();
      schedulePeriodicEmit(readerOutput, task);
    }));
  }

  @Override
  public void cancel() {}

  /** The reader's splits, with their positions, go into the source operator's list state. */
  @Override
  public void snapshotState(long checkpointId) throws Exception {
    List<byte[]> serialized = new ArrayList<>();
    for (SplitT split : reader.snapshotState(checkpointId)) {
      serialized.add(JavaSerialization.serialize(split, "split of " + context.operatorName()));
    }
    splitState().update(serialized);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    reader.notifyCheckpointComplete(checkpointId);
  }

  private ListState<byte[]> splitState() {
    return context.operatorStateBackend().getListState(new ListStateDescriptor<>(SPLITS_STATE, byte[].class));
  }

  private List<SplitT> restoredSplits() throws Exception {
    if (!context.operatorStateBackend().isRestored()) {
      return List.of();
    }
    List<SplitT> splits = new ArrayList<>();
    for (byte[] bytes : splitState().get()) {
      splits.add(JavaSerialization.deserialize(bytes, reader.getClass().getClassLoader(), "split of " + context.operatorName()));
    }
    return splits;
  }
}

package io.millrace.runtime.task;

import io.millrace.api.source.InputStatus;
import io.millrace.api.source.ReaderOutput;
import io.millrace.api.source.SourceReader;
import io.millrace.api.source.SourceSplit;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.UserCodeFailure;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Polls a {@link SourceReader} on the task's thread. When the reader has nothing, the task
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
  private final Runnable onStart;

  /**
   * @param onStart registers the reader with the split enumerator, on the task's thread
   */
  public SourceReaderDriver(
      SourceReader<T, SplitT> reader, Output<T> output, OperatorContext context, Runnable onStart) {
    this.reader = reader;
    this.output = output;
    this.context = context;
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
    ReaderOutput<T> readerOutput = new ReaderOutput<>() {
      @Override
      public void collect(T record) {
        output.collect(record, Output.NO_TIMESTAMP);
      }

      @Override
      public void collect(T record, long timestamp) {
        output.collect(record, timestamp);
      }

      @Override
      public void emitWatermark(long watermark) {
        output.emitWatermark(watermark);
      }

      @Override
      public void markIdle() {
        task.flushOutputs();
      }
    };
    try {
      onStart.run();
      reader.start();
      CompletableFuture<Void> watched = null;
      while (true) {
        if (task.needsAttention()) {
          task.handleAttention();
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
      reader.close();
    }
  }

  @Override
  public void cancel() {}
}

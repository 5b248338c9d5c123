package io.millrace.runtime.operators;

import io.millrace.api.sink.Sink;
import io.millrace.api.sink.SinkWriter;
import io.millrace.api.sink.WriterInitContext;

/** {@code sinkTo(Sink)}: one writer per subtask, flushed at the end of input. */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Sink<IN>, Object>
    implements OneInputStreamOperator<IN, Object> {
  private SinkWriter<IN> writer;

  public SinkWriterOperator(Sink<IN> sink) {
    super(sink);
  }

  @Override
  public void open() throws Exception {
    super.open();
    WriterInitContext init = new WriterInitContext() {
      @Override
      public int getSubtaskId() {
        return context.subtaskIndex();
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return context.parallelism();
      }
    };
    try {
      writer = userFunction.createWriter(init);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processElement(IN record, long timestamp) {
    try {
      writer.write(record, boxTimestamp(timestamp));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {}

  @Override
  public void finish() {
    try {
      writer.flush(true);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (Throwable t) {
      throw failure(t);
    } finally {
      super.close();
    }
  }

  @Override
  public ChainedInput<IN> chainedInput() {
    return new WriterInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class WriterInput extends ChainedInput<IN> {
    WriterInput() {
      super(SinkWriterOperator.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

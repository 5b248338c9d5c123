package io.millrace.runtime.task;

import io.millrace.api.source.SourceFunction;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.UserCodeFailure;

/**
 * Runs a {@link SourceFunction} on the task's thread. Between records it runs the task's mail
 * and honours flush requests, so downstream timers fire and the buffer timeout holds while the
 * source emits.
 *
 * @param <T> element type
 */
public final class SourceFunctionDriver<T> implements SourceDriver {
  private final SourceFunction<T> function;
  private final Output<T> output;
  private final OperatorContext context;
  private final Object checkpointLock = new Object();
  private long lastWatermark = Long.MIN_VALUE;
  private boolean idle;

  public SourceFunctionDriver(SourceFunction<T> function, Output<T> output, OperatorContext context) {
    this.function = function;
    this.output = output;
    this.context = context;
  }

  @Override
  public void run(StreamTask task) {
    SourceFunction.SourceContext<T> sourceContext = new SourceFunction.SourceContext<>() {
      @Override
      public void collect(T element) {
        collectWithTimestamp(element, Output.NO_TIMESTAMP);
      }

      @Override
      public void collectWithTimestamp(T element, long timestamp) {
        if (element == null) {
          throw UserCodeFailure.of(context,
              new NullPointerException("the source emitted null; streams cannot carry null elements"));
        }
        if (idle) {
          idle = false;
          task.emitIdle(false);
        }
        output.collect(element, timestamp);
        if (task.needsAttention()) {
          task.handleAttention();
          if (task.isStopped()) {
            task.idleUntilCancelled();
          }
        }
      }

      @Override
      public void emitWatermark(long watermark) {
        if (idle) {
          idle = false;
          task.emitIdle(false);
        }
        if (watermark > lastWatermark) {
          lastWatermark = watermark;
          output.emitWatermark(watermark);
        }
      }

      @Override
      public void markAsTemporarilyIdle() {
        if (!idle) {
          idle = true;
          task.emitIdle(true);
        }
      }

      @Override
      public Object getCheckpointLock() {
        return checkpointLock;
      }
    };
    try {
      function.run(sourceContext);
    } catch (Throwable t) {
      throw UserCodeFailure.of(context, t);
    }
  }

  @Override
  public void cancel() {
    function.cancel();
  }
}

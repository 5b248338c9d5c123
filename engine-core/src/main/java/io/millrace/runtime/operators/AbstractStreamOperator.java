package io.millrace.runtime.operators;

import io.millrace.api.functions.CheckpointListener;
import io.millrace.api.functions.CheckpointedFunction;
import io.millrace.api.functions.Function;
import io.millrace.api.functions.FunctionInitializationContext;
import io.millrace.api.functions.FunctionSnapshotContext;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichFunction;
import io.millrace.state.KeyedStateStore;
import io.millrace.state.OperatorStateStore;

/**
 * Base of the built-in operators: keeps the context and output, and runs the user function's
 * lifecycle ({@code setRuntimeContext}, {@code open}, {@code close}) with failures labelled
 * by operator and subtask.
 *
 * @param <F> the user function type (or {@link Function} if none)
 * @param <OUT> output type
 */
public abstract class AbstractStreamOperator<F extends Function, OUT> implements StreamOperator<OUT> {
  private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

  protected final F userFunction;
  protected OperatorContext context;
  protected Output<OUT> output;

  protected AbstractStreamOperator(F userFunction) {
    this.userFunction = userFunction;
  }

  @Override
  public void setup(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
  }

  @Override
  public void open() throws Exception {
    StreamingRuntimeContext runtimeContext = new StreamingRuntimeContext(context);
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      try {
        checkpointed.initializeState(new InitializationContext(runtimeContext));
      } catch (Throwable t) {
        throw failure(t);
      }
    }
    if (userFunction instanceof RichFunction rich) {
      rich.setRuntimeContext(runtimeContext);
      try {
        rich.open(OPEN_CONTEXT);
      } catch (Throwable t) {
        throw failure(t);
      }
    }
  }

  @Override
  public void close() throws Exception {
    if (userFunction instanceof RichFunction rich) {
      try {
        rich.close();
      } catch (Throwable t) {
        throw failure(t);
      }
    }
  }

  @Override
  public void snapshotState(long checkpointId, long timestamp) throws Exception {
    if (userFunction instanceof CheckpointedFunction checkpointed) {
      try {
        checkpointed.snapshotState(new FunctionSnapshotContext() {
          @Override
          public long getCheckpointId() {
            return checkpointId;
          }

          @Override
          public long getCheckpointTimestamp() {
            return timestamp;
          }
        });
      } catch (Throwable t) {
        throw failure(t);
      }
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (userFunction instanceof CheckpointListener listener) {
      try {
        listener.notifyCheckpointComplete(checkpointId);
      } catch (Throwable t) {
        throw failure(t);
      }
    }
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    if (userFunction instanceof CheckpointListener listener) {
      try {
        listener.notifyCheckpointAborted(checkpointId);
      } catch (Throwable t) {
        throw failure(t);
      }
    }
  }

  /** What a {@link CheckpointedFunction} gets in {@code initializeState}. */
  private final class InitializationContext implements FunctionInitializationContext {
    private final StreamingRuntimeContext runtimeContext;

    InitializationContext(StreamingRuntimeContext runtimeContext) {
      this.runtimeContext = runtimeContext;
    }

    @Override
    public boolean isRestored() {
      return context.services().restored();
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
      return context.operatorStateBackend();
    }

    @Override
    public KeyedStateStore getKeyedStateStore() {
      context.keyedBackend(); // fails clearly when not keyed
      return runtimeContext;
    }
  }

  /** The user function this operator runs. */
  public F userFunction() {
    return userFunction;
  }

  @Override
  public Output<OUT> output() {
    return output;
  }

  @Override
  public OperatorContext context() {
    return context;
  }

  /** Labels a failure of this operator's user code. */
  protected final RuntimeException failure(Throwable t) {
    return UserCodeFailure.of(context, t);
  }

  /** The timestamp as user code sees it: {@code null} when the record has none. */
  protected static Long boxTimestamp(long timestamp) {
    return timestamp == Output.NO_TIMESTAMP ? null : timestamp;
  }
}

package io.millrace.runtime.operators;

import io.millrace.api.sink.TwoPhaseCommitSink;
import io.millrace.runtime.operators.TransactionEntry.Kind;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sinkTo(TwoPhaseCommitSink)}: runs the sink's transactions with checkpoints as commit
 * points, as {@link TwoPhaseCommitSink} describes.
 *
 * <p>One transaction is open at a time. At a checkpoint's barrier ({@link #snapshotState}) it is
 * pre-committed and becomes <em>pending</em> for that checkpoint, and the next one begins; the
 * operator list state then holds every pending transaction with its checkpoint id plus the open
 * one. When a checkpoint completes, the pending transactions of it and of earlier (perhaps
 * aborted) checkpoints are committed in checkpoint order. At the end of input the open
 * transaction is pre-committed and committed, with those still pending, only once the whole job
 * has finished (a job-finished action), so that no subtask makes data visible while another can
 * still fail. After a failure the open transaction is aborted; pending ones are left alone,
 * because a restore from their checkpoint commits them. On restore ({@link #open}) the pending
 * transactions of the restored state are committed and the open one aborted.
 *
 * <p>Task thread only, except the job-finished action, which runs after every task ended.
 *
 * @param <IN> element type
 * @param <TXN> the sink's transaction handle
 */
public final class TwoPhaseCommitSinkOperator<IN, TXN>
    extends AbstractStreamOperator<TwoPhaseCommitSink<IN, TXN>, Object>
    implements OneInputStreamOperator<IN, Object> {
  /** The name of the operator list state holding the transactions. */
  static final String STATE_NAME = "two-phase-commit-transactions";

  /** Pre-committed transactions waiting for their checkpoint to complete, in checkpoint order. */
  private final ArrayDeque<TransactionEntry<TXN>> pending = new ArrayDeque<>();
  private ListState<TransactionEntry<TXN>> state;
  private TwoPhaseCommitSink.Context transactionContext;
  /** The open transaction; null before open() and after finish(). */
  private TXN current;
  /** Whether finish() handed the last transaction to the job-finished action. */
  private boolean finished;

  public TwoPhaseCommitSinkOperator(TwoPhaseCommitSink<IN, TXN> sink) {
    super(sink);
  }

  @Override
  public void open() throws Exception {
    super.open();
    transactionContext = new TwoPhaseCommitSink.Context() {
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
      state = context.operatorStateBackend().getListState(
          new ListStateDescriptor<>(STATE_NAME, new TransactionEntry.Serializer<>(userFunction.getTransactionSerializer())));
      if (context.operatorStateBackend().isRestored()) {
        recover();
      }
      current = userFunction.beginTransaction(transactionContext);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /**
   * Commits the transactions pre-committed in the restored checkpoint (in checkpoint order) and
   * aborts those that were open; after a rescale these may come from any old subtask.
   */
  private void recover() throws Exception {
    List<TransactionEntry<TXN>> restored = new ArrayList<>();
    state.get().forEach(restored::add);
    restored.sort(Comparator.comparingLong(TransactionEntry::checkpointId));
    for (TransactionEntry<TXN> entry : restored) {
      if (entry.kind() == Kind.PENDING) {
        userFunction.recoverAndCommit(entry.transaction());
      }
    }
    for (TransactionEntry<TXN> entry : restored) {
      if (entry.kind() == Kind.OPEN) {
        userFunction.recoverAndAbort(entry.transaction());
      }
    }
    state.clear();
  }

  @Override
  public void processElement(IN record, long timestamp) {
    try {
      userFunction.write(current, record, boxTimestamp(timestamp));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void processWatermark(long watermark) {}

  @Override
  public void snapshotState(long checkpointId, long timestamp) throws Exception {
    try {
      if (current != null) {
        userFunction.preCommit(current);
        pending.addLast(new TransactionEntry<>(checkpointId, Kind.PENDING, current));
        current = null;
        current = userFunction.beginTransaction(transactionContext);
      }
      List<TransactionEntry<TXN>> entries = new ArrayList<>(pending);
      if (current != null) {
        entries.add(new TransactionEntry<>(checkpointId, Kind.OPEN, current));
      }
      state.update(entries);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    try {
      while (!pending.isEmpty() && pending.peekFirst().checkpointId() <= checkpointId) {
        userFunction.commit(pending.peekFirst().transaction());
        pending.removeFirst();
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /** Keeps the checkpoint's pending transactions: the next completed checkpoint commits them. */
  @Override
  public void notifyCheckpointAborted(long checkpointId) {}

  @Override
  public void finish() throws Exception {
    try {
      userFunction.preCommit(current);
    } catch (Throwable t) {
      throw failure(t);
    }
    pending.addLast(new TransactionEntry<>(Long.MAX_VALUE, Kind.PENDING, current));
    current = null;
    finished = true;
    List<TXN> toCommit = pending.stream().map(TransactionEntry::transaction).toList();
    context.services().runWhenJobFinished(() -> {
      try {
        for (TXN transaction : toCommit) {
          userFunction.commit(transaction);
        }
      } catch (Throwable t) {
        throw failure(t);
      }
    });
  }

  @Override
  public void close() throws Exception {
    try {
      if (!finished && current != null) {
        TXN open = current;
        current = null;
        userFunction.abort(open);
      }
    } catch (Throwable t) {
      throw failure(t);
    } finally {
      super.close();
    }
  }

  @Override
  public ChainedInput<IN> chainedInput() {
    return new TransactionInput();
  }

  /** This operator's own chained input: a monomorphic call into {@link #processElement}. */
  private final class TransactionInput extends ChainedInput<IN> {
    TransactionInput() {
      super(TwoPhaseCommitSinkOperator.this);
    }

    @Override
    public void collect(IN record, long timestamp) {
      processElement(record, timestamp);
    }
  }
}

package io.millrace.api.sink;

import io.millrace.api.functions.Function;
import io.millrace.state.serialization.TypeSerializer;

/**
 * A sink that writes exactly once to an outside system through transactions, with checkpoints
 * as the commit points (two-phase commit). Each parallel instance has one open transaction at a
 * time; at a checkpoint's barrier the engine {@linkplain #preCommit pre-commits} it (makes its
 * data durable, still invisible) and begins the next; when the checkpoint completes it
 * {@linkplain #commit commits} every transaction pre-committed for it. A failure
 * {@linkplain #abort aborts} the open transaction; on restore the transactions pre-committed in
 * the restored checkpoint are {@linkplain #recoverAndCommit committed} (their checkpoint is
 * complete, so their data counts) and the one that was open is
 * {@linkplain #recoverAndAbort aborted}. At the end of a bounded input the last transaction is
 * committed when the whole job has finished.
 *
 * <p>So {@link #commit} may be called again for a transaction committed before a crash, and
 * {@link #abort} for one that is already gone: both must be idempotent. Transactions are
 * stored in checkpoints with {@link #getTransactionSerializer()}, so a transaction must be a
 * handle (an id, file names), not the data.
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat(Path.of("out"), String::valueOf));   // built on this SPI
 * }</pre>
 *
 * @param <T> element type
 * @param <TXN> the transaction handle
 */
public interface TwoPhaseCommitSink<T, TXN> extends Function {

  /** Begins a transaction for the parallel instance described by {@code context}. */
  TXN beginTransaction(Context context) throws Exception;

  /** Writes {@code element} in {@code transaction}; {@code timestamp} is null if it has none. */
  void write(TXN transaction, T element, Long timestamp) throws Exception;

  /**
   * Makes {@code transaction}'s data durable without making it visible; after this it is only
   * committed or aborted. A failure here fails the checkpoint and the job attempt.
   */
  void preCommit(TXN transaction) throws Exception;

  /** Makes a pre-committed transaction visible. Idempotent. */
  void commit(TXN transaction) throws Exception;

  /** Discards a transaction, open or pre-committed. Idempotent. */
  void abort(TXN transaction) throws Exception;

  /** On restore: commits a transaction pre-committed in the restored checkpoint (default {@link #commit}). */
  default void recoverAndCommit(TXN transaction) throws Exception {
    commit(transaction);
  }

  /** On restore: aborts the transaction that was open at the restored checkpoint (default {@link #abort}). */
  default void recoverAndAbort(TXN transaction) throws Exception {
    abort(transaction);
  }

  /** Writes transaction handles into checkpoints, e.g. {@code TypeSerializers.forClass(MyTxn.class)}. */
  TypeSerializer<TXN> getTransactionSerializer();

  /** Where a transaction is begun. */
  interface Context {
    /** The index of the sink's parallel instance. */
    int getSubtaskId();

    /** The sink's parallelism. */
    int getNumberOfParallelSubtasks();
  }
}

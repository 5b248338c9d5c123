package io.millrace.runtime.operators;

/**
 * The contract between a task and the operators of its chain.
 *
 * <p><b>Who calls what, in which order, on which thread.</b> Every call comes from the task's
 * own thread; operator code and its state are never touched concurrently.
 * <ol>
 *   <li>{@link #setup} once, before anything else, with the operator's context and output;</li>
 *   <li>{@link #open} once, head of the chain last (so an operator is open before anything
 *       can reach it);</li>
 *   <li>any number of {@code processElement} calls (see {@link OneInputStreamOperator},
 *       {@link TwoInputStreamOperator}), {@link #processWatermark} calls and timer callbacks
 *       (run through the task's mailbox), interleaved;</li>
 *   <li>{@link #finish} once all inputs have ended (not after a failure or cancellation): emit
 *       what is still buffered;</li>
 *   <li>{@link #close} once, always — also after a failure of any operator — to release
 *       resources.</li>
 * </ol>
 *
 * <p><b>Checkpoints.</b> What is snapshotted: the context's keyed and operator state backends
 * and the timer services registered in {@link OperatorContext#services()}; anything else an
 * operator holds must be rebuilt from them in {@link #open} (restored backends are ready
 * before it). At a checkpoint the task calls {@link #snapshotState} on every operator of the
 * chain, head first, between two records, then snapshots the backends; after the checkpoint
 * completed, {@link #notifyCheckpointComplete} (or {@link #notifyCheckpointAborted}).
 *
 * @param <OUT> output type
 */
public interface StreamOperator<OUT> {
  /** Gives the operator its context and output; called once before {@link #open}. */
  void setup(OperatorContext context, Output<OUT> output);

  /** Prepares the operator (opens user functions). */
  void open() throws Exception;

  /** Handles a watermark; the default forwards it. */
  default void processWatermark(long watermark) throws Exception {
    output().emitWatermark(watermark);
  }

  /** Called once when every input has ended; emits remaining results. */
  default void finish() throws Exception {}

  /**
   * The synchronous part of checkpoint {@code checkpointId}: put what the operator holds outside
   * its backends into them (a user's {@code CheckpointedFunction} does it here).
   */
  default void snapshotState(long checkpointId, long timestamp) throws Exception {}

  /** Checkpoint {@code checkpointId} completed (and every earlier one with it). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** Releases resources; called once, even after a failure. */
  void close() throws Exception;

  /** The output given in {@link #setup}. */
  Output<OUT> output();

  /** The context given in {@link #setup}. */
  OperatorContext context();
}

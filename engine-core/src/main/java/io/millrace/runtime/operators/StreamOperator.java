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
 * <p>What must be snapshotted (checkpoint issue): keyed state and timers through the context's
 * backends; anything else an operator holds must be rebuilt from them on restore.
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

  /** Releases resources; called once, even after a failure. */
  void close() throws Exception;

  /** The output given in {@link #setup}. */
  Output<OUT> output();

  /** The context given in {@link #setup}. */
  OperatorContext context();
}

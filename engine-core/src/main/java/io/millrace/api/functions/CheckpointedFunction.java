package io.millrace.api.functions;

/**
 * A function with its own operator state in checkpoints, such as a source's offsets or a
 * sink's buffer. {@link #initializeState} runs once before {@code open} (also on restore, with
 * the state of the checkpoint); {@link #snapshotState} runs at every checkpoint, between two
 * records, and must put the function's current state into the states it obtained.
 *
 * <pre>{@code
 * class BufferingSink implements SinkFunction<String>, CheckpointedFunction {
 *   private transient ListState<String> saved;
 *   private final List<String> buffer = new ArrayList<>();
 *
 *   public void initializeState(FunctionInitializationContext context) throws Exception {
 *     saved = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", String.class));
 *     for (String element : saved.get()) {
 *       buffer.add(element);
 *     }
 *   }
 *
 *   public void snapshotState(FunctionSnapshotContext context) throws Exception {
 *     saved.update(buffer);
 *   }
 *   ...
 * }
 * }</pre>
 */
public interface CheckpointedFunction {
  /** Copies the function's state into its state objects; called on the function's thread. */
  void snapshotState(FunctionSnapshotContext context) throws Exception;

  /** Obtains the function's state objects (restored ones on restore); called before {@code open}. */
  void initializeState(FunctionInitializationContext context) throws Exception;
}

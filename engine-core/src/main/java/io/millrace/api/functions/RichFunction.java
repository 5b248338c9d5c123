package io.millrace.api.functions;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext}: keyed state, subtask
 * index, parallelism.
 *
 * <p><b>Instances.</b> Each parallel subtask runs its own instance of a rich function: subtask 0
 * uses the instance you passed, the others get copies made with Java serialization when the
 * job starts. Initialise non-serializable fields in {@link #open(OpenContext)} and mark them
 * {@code transient}. (Plain, non-rich functions such as lambdas are shared by all subtasks.)
 *
 * <p><b>Lifecycle.</b> {@code setRuntimeContext}, then {@code open} once before the first
 * element, then {@code close} once at the end — also when the job fails or is cancelled. All
 * calls on one instance come from one thread.
 */
public interface RichFunction extends Function {
  /** Initialises the function before the first element; obtain state handles here. */
  void open(OpenContext openContext) throws Exception;

  /** Releases resources; called once, also after a failure. */
  void close() throws Exception;

  /** The context of the subtask running this instance. */
  RuntimeContext getRuntimeContext();

  /** Called by the engine before {@link #open(OpenContext)}. */
  void setRuntimeContext(RuntimeContext runtimeContext);
}

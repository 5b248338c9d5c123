package io.millrace.api.sink;

/** What a {@link SinkWriter} knows about its place in the job. */
public interface WriterInitContext {
  /** The index of this writer's parallel instance. */
  int getSubtaskId();

  /** The sink's parallelism. */
  int getNumberOfParallelSubtasks();
}

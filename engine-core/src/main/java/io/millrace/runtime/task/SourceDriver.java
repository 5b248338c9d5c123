package io.millrace.runtime.task;

/** Runs the source at the head of a source task. */
public interface SourceDriver {
  /** Emits the source's records into the chain until the input ends or the task is cancelled. */
  void run(StreamTask task) throws Exception;

  /** Asks the source to stop; called from another thread. */
  void cancel();
}

package io.millrace.runtime.task;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Actions to run on a task's thread between records: timer firings, split assignments (and,
 * with checkpoints, barrier injection). Any thread may post; only the task runs them, so
 * operator state is never touched concurrently.
 */
public final class TaskMailbox implements Executor {
  private final ConcurrentLinkedQueue<Runnable> mail = new ConcurrentLinkedQueue<>();
  private final StreamTask task;

  TaskMailbox(StreamTask task) {
    this.task = task;
  }

  @Override
  public void execute(Runnable action) {
    mail.add(action);
    task.requestAttention();
  }

  boolean hasMail() {
    return !mail.isEmpty();
  }

  /** Runs every action posted so far, on the task's thread. */
  void runAll() {
    Runnable action;
    while ((action = mail.poll()) != null) {
      action.run();
    }
  }
}

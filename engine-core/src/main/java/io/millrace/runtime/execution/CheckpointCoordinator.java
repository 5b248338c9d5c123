package io.millrace.runtime.execution;

import io.millrace.api.CheckpointConfig;
import io.millrace.runtime.channel.ChannelEvent;
import io.millrace.runtime.checkpoint.CheckpointStorage;
import io.millrace.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.runtime.checkpoint.PendingCheckpoint;
import io.millrace.runtime.task.CheckpointResponder;
import io.millrace.runtime.task.StreamTask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers a job's checkpoints and savepoints, collects the tasks' acknowledgements and
 * completes them: barriers enter at the sources (through their mailboxes, between records;
 * split enumerators are snapshotted at the same moment), every task snapshots when aligned and
 * acknowledges after writing its files, and the last acknowledgement completes the checkpoint
 * on disk and tells every task.
 *
 * <p>Checkpoint lifecycle: triggered → completed (all tasks acknowledged, metadata written) or
 * aborted (a task declined, a task ended first, the timeout passed, the job attempt ended). A
 * checkpoint is triggered only while every task of the attempt runs; once one finished (a
 * bounded source ran out) no more checkpoints are taken. Failed checkpoints in a row beyond the
 * tolerable number fail the job attempt. Thread-safe; completion and file writing run on one
 * I/O thread.
 */
final class CheckpointCoordinator implements CheckpointResponder {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

  /** What the coordinator asks of the job. */
  interface JobActions {
    /** Fails the running attempt (too many failed checkpoints). */
    void failAttempt(Throwable cause);

    /** Ends the job after a completed stop-with-savepoint. */
    void stopAfterSavepoint();
  }

  /** A source vertex: its tasks, and its split coordinator if it is a split-based source. */
  record SourceVertex(List<StreamTask> tasks, SourceCoordinator<?> splitCoordinator, String uid) {}

  /** An operator as checkpoints record it. */
  record OperatorInfo(String uid, int parallelism, int maxParallelism) {}

  /** The running attempt as the coordinator sees it. */
  record AttemptView(List<StreamTask> tasks, List<SourceVertex> sources, List<OperatorInfo> operators) {}

  private final class Pending {
    final long id;
    final PendingCheckpoint checkpoint;
    final AttemptView attempt;
    final Set<StreamTask> awaiting = Collections.newSetFromMap(new IdentityHashMap<>());
    final CompletableFuture<CompletedCheckpoint> future = new CompletableFuture<>();
    final boolean stop;
    final long startNanos = System.nanoTime();
    long bytes;
    ScheduledFuture<?> timeout;

    Pending(long id, PendingCheckpoint checkpoint, AttemptView attempt, boolean stop) {
      this.id = id;
      this.checkpoint = checkpoint;
      this.attempt = attempt;
      this.stop = stop;
      awaiting.addAll(attempt.tasks());
    }

    String kind() {
      return checkpoint.isSavepoint() ? "Savepoint" : "Checkpoint";
    }

    String kindLowerCase() {
      return checkpoint.isSavepoint() ? "savepoint" : "checkpoint";
    }
  }

  private final String jobName;
  private final String jobId;
  private final JobSettings.CheckpointSettings settings;
  private final CheckpointStorage storage;
  private final ScheduledExecutorService timer;
  private final ExecutorService io;
  private volatile Thread ioThread;
  private final JobActions actions;

  private final Map<Long, Pending> pending = new TreeMap<>();
  private AttemptView attempt;
  private long nextId;
  private int consecutiveFailures;
  private long lastCompletionNanos = Long.MIN_VALUE;
  private ScheduledFuture<?> periodic;
  private boolean shutDown;

  /**
   * @param settings the checkpoint settings, or null when only savepoints are taken
   * @param storage the job's checkpoint storage, or null when only savepoints are taken
   * @param firstId the id of the first checkpoint (after a restored one's)
   */
  CheckpointCoordinator(
      String jobName, String jobId, JobSettings.CheckpointSettings settings, CheckpointStorage storage,
      ScheduledExecutorService timer, JobActions actions, long firstId) {
    this.jobName = jobName;
    this.jobId = jobId;
    this.settings = settings;
    this.storage = storage;
    this.timer = timer;
    this.actions = actions;
    this.nextId = firstId;
    // The thread starts with the first checkpoint or savepoint: a job without them has none.
    this.io = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "millrace-checkpoint-io (" + jobName + ")");
      thread.setDaemon(true);
      ioThread = thread;
      return thread;
    });
  }

  /** The checkpoint storage, or null without checkpointing. */
  CheckpointStorage storage() {
    return storage;
  }

  /** A new attempt runs; periodic checkpoints start with the first one. */
  synchronized void attemptStarted(AttemptView view) {
    attempt = view;
    if (settings != null && periodic == null && !shutDown) {
      long interval = Math.max(1, settings.interval().toMillis());
      periodic = timer.scheduleAtFixedRate(this::triggerPeriodic, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The attempt ended: what is in progress is aborted (not counted as failed checkpoints), and
   * this returns once a completion already under way has finished, so that the next attempt
   * sees the checkpoint directory at rest.
   */
  void attemptEnded(Throwable cause) {
    synchronized (this) {
      attempt = null;
      for (Pending p : new ArrayList<>(pending.values())) {
        abort(p, cause != null ? cause : new IllegalStateException("the job attempt ended"), false);
      }
    }
    if (ioThread == null) {
      return;
    }
    try {
      io.submit(() -> {}).get();
    } catch (RejectedExecutionException | ExecutionException e) {
      // shut down: nothing is under way
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops triggering and releases the I/O thread (after it finished what it was given). */
  void shutDown() {
    synchronized (this) {
      shutDown = true;
      if (periodic != null) {
        periodic.cancel(false);
      }
      attempt = null;
      for (Pending p : new ArrayList<>(pending.values())) {
        abort(p, new IllegalStateException("the job ended"), false);
      }
    }
    io.shutdown();
    try {
      io.awaitTermination(1, TimeUnit.MINUTES);
      Thread thread = ioThread;
      if (thread != null && thread != Thread.currentThread()) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code task} ended: checkpoints still waiting for it cannot complete. */
  synchronized void taskEnded(StreamTask task) {
    for (Pending p : new ArrayList<>(pending.values())) {
      if (p.awaiting.contains(task)) {
        abort(p, new IllegalStateException(task + " ended before it took part"), false);
      }
    }
  }

  private void triggerPeriodic() {
    try {
      synchronized (this) {
        if (attempt == null || shutDown || pending.size() >= settings.maxConcurrent()) {
          return;
        }
        long minPause = settings.minPause().toNanos();
        if (minPause > 0 && (!pending.isEmpty()
            || (lastCompletionNanos != Long.MIN_VALUE && System.nanoTime() - lastCompletionNanos < minPause))) {
          return;
        }
        if (!allTasksRunning(attempt)) {
          return;
        }
        trigger(null, false);
      }
    } catch (Throwable t) {
      LOG.warn("Job '{}': triggering a checkpoint failed", jobName, t);
    }
  }

  /**
   * Triggers a savepoint into {@code directory}; with {@code stop} the sources stop at its
   * barrier and the job ends once it completed.
   */
  synchronized CompletableFuture<CompletedCheckpoint> triggerSavepoint(Path directory, boolean stop) {
    if (attempt == null) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "job '" + jobName + "' is not running (it is restarting or has ended): no savepoint was taken"));
    }
    if (!allTasksRunning(attempt)) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "job '" + jobName + "' has tasks that finished already (a bounded input ended): a savepoint needs every "
              + "task running"));
    }
    try {
      return trigger(directory, stop).future;
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static boolean allTasksRunning(AttemptView view) {
    for (StreamTask task : view.tasks()) {
      StreamTask.State state = task.state();
      if (state != StreamTask.State.RUNNING && state != StreamTask.State.CREATED) {
        return false;
      }
    }
    return true;
  }

  private Pending trigger(Path savepointDirectory, boolean stop) throws IOException {
    long id = storage != null ? Math.max(nextId, storage.nextCheckpointId()) : nextId;
    nextId = id + 1;
    long timestamp = System.currentTimeMillis();
    PendingCheckpoint checkpoint = savepointDirectory != null
        ? CheckpointStorage.beginSavepoint(savepointDirectory, jobId, jobName, id, timestamp)
        : storage.beginCheckpoint(id, timestamp);
    AttemptView view = attempt;
    for (OperatorInfo operator : view.operators()) {
      checkpoint.registerOperator(operator.uid(), operator.parallelism(), operator.maxParallelism());
    }
    Pending p = new Pending(id, checkpoint, view, stop);
    pending.put(id, p);
    Duration timeout = settings != null ? settings.timeout() : CheckpointConfig.DEFAULT_TIMEOUT;
    p.timeout = timer.schedule(() -> expire(p), timeout.toMillis(), TimeUnit.MILLISECONDS);
    ChannelEvent.CheckpointBarrier barrier =
        new ChannelEvent.CheckpointBarrier(id, timestamp, savepointDirectory != null, stop);
    LOG.debug("Job '{}': triggering {} {}", jobName, p.kindLowerCase(), id);
    for (SourceVertex source : view.sources()) {
      if (source.splitCoordinator() != null) {
        try {
          p.bytes += source.splitCoordinator().triggerCheckpoint(checkpoint, source.uid(), barrier);
        } catch (Exception e) {
          LOG.warn("Job '{}': the split enumerator of {} failed to snapshot", jobName, source.uid(), e);
          abort(p, e, true);
          return p;
        }
      } else {
        for (StreamTask task : source.tasks()) {
          task.executeInMailbox(() -> task.triggerCheckpoint(barrier));
        }
      }
    }
    return p;
  }

  @Override
  public synchronized PendingCheckpoint pendingCheckpoint(long checkpointId) {
    Pending p = pending.get(checkpointId);
    return p != null ? p.checkpoint : null;
  }

  @Override
  public void acknowledge(long checkpointId, StreamTask task, long bytes) {
    Pending p;
    synchronized (this) {
      p = pending.get(checkpointId);
      if (p == null || !p.awaiting.remove(task)) {
        return;
      }
      p.bytes += bytes;
      if (!p.awaiting.isEmpty()) {
        return;
      }
      pending.remove(checkpointId);
      p.timeout.cancel(false);
    }
    complete(p);
  }

  @Override
  public void decline(long checkpointId, StreamTask task, Throwable cause) {
    synchronized (this) {
      Pending p = pending.get(checkpointId);
      if (p != null) {
        // A task that is failing or cancelled declines because its backends closed under the
        // write: that is the job's failure, not a checkpoint's.
        boolean taskRunning = task.state() == StreamTask.State.RUNNING;
        if (taskRunning) {
          LOG.warn("Job '{}': {} {} declined by {}", jobName, p.kind(), checkpointId, task, cause);
        }
        abort(p, cause, taskRunning);
      }
    }
  }

  @Override
  public ExecutorService asyncExecutor() {
    return io;
  }

  private void complete(Pending p) {
    CompletedCheckpoint done;
    try {
      done = p.checkpoint.complete();
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        LOG.warn("Job '{}': completing {} {} failed", jobName, p.kindLowerCase(), p.id, e);
        abortCompleted(p, e);
      }
      return;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - p.startNanos);
    LOG.info("Job '{}': {} {} completed in {} ms, {} bytes", jobName, p.kind(), p.id, millis, p.bytes);
    synchronized (this) {
      if (!done.isSavepoint()) {
        consecutiveFailures = 0;
        lastCompletionNanos = System.nanoTime();
      }
      stats.add(new CheckpointStats(p.id, millis, p.bytes, done.isSavepoint()));
      if (p.attempt == attempt) {
        for (StreamTask task : p.attempt.tasks()) {
          task.executeInMailbox(() -> task.notifyCheckpointComplete(p.id));
        }
        for (SourceVertex source : p.attempt.sources()) {
          if (source.splitCoordinator() != null) {
            source.splitCoordinator().notifyCheckpointComplete(p.id);
          }
        }
      }
    }
    p.future.complete(done);
    if (p.stop) {
      actions.stopAfterSavepoint();
    }
  }

  private void expire(Pending p) {
    synchronized (this) {
      if (pending.get(p.id) == p) {
        abort(p, new TimeoutException(p.kind() + " " + p.id + " of job '" + jobName + "' did not complete within "
            + (settings != null ? settings.timeout() : CheckpointConfig.DEFAULT_TIMEOUT)
            + "; waiting for " + p.awaiting), true);
      }
    }
  }

  /** Aborts a pending checkpoint; {@code counts}: whether it is a failed checkpoint for the tolerance. */
  private void abort(Pending p, Throwable cause, boolean counts) {
    pending.remove(p.id);
    if (p.timeout != null) {
      p.timeout.cancel(false);
    }
    Runnable removal = () -> {
      try {
        p.checkpoint.abort();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Job '{}': removing aborted {} {} failed", jobName, p.kindLowerCase(), p.id, e);
      }
    };
    try {
      io.execute(removal);
    } catch (RejectedExecutionException e) {
      removal.run();
    }
    abortCompleted(p, cause);
    if (counts && !p.checkpoint.isSavepoint() && settings != null) {
      consecutiveFailures++;
      if (consecutiveFailures > settings.tolerableFailures() && attempt != null) {
        IllegalStateException failure = new IllegalStateException(
            "job '" + jobName + "' failed " + consecutiveFailures + " checkpoint(s) in a row, more than the "
                + settings.tolerableFailures() + " tolerated (setTolerableCheckpointFailureNumber); last: " + cause,
            cause);
        consecutiveFailures = 0;
        // Outside this lock: the job takes its own lock and then may call back into this one.
        timer.execute(() -> actions.failAttempt(failure));
      }
    }
  }

  private void abortCompleted(Pending p, Throwable cause) {
    if (p.attempt == attempt && attempt != null) {
      for (StreamTask task : p.attempt.tasks()) {
        task.executeInMailbox(() -> task.notifyCheckpointAborted(p.id));
      }
    }
    p.future.completeExceptionally(cause);
  }

  private final List<CheckpointStats> stats = new ArrayList<>();

  /** The completed checkpoints and savepoints of the job so far, oldest first. */
  synchronized List<CheckpointStats> completedStats() {
    return List.copyOf(stats);
  }
}

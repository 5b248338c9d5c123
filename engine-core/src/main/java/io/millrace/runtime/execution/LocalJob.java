package io.millrace.runtime.execution;

import io.millrace.api.JobExecutionException;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.JobStatus;
import io.millrace.api.RestartStrategy;
import io.millrace.runtime.checkpoint.CheckpointStorage;
import io.millrace.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.runtime.checkpoint.DurableFiles;
import io.millrace.runtime.graph.JobGraph;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorServices;
import io.millrace.runtime.operators.UserCodeFailure;
import io.millrace.runtime.task.StreamTask;
import io.millrace.runtime.time.ProcessingClock;
import io.millrace.runtime.time.SystemProcessingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job running in this JVM: its attempts (each a set of tasks and threads wired from the job
 * graph), the timer thread (buffer timeout, processing time, checkpoint triggers, restarts),
 * the checkpoint coordinator, and the job's status and result.
 *
 * <p>Status moves CREATED → RUNNING → FINISHED, or → FAILING → FAILED, or → CANCELLING →
 * CANCELED. A task failure cancels the other tasks of its attempt; when they have all ended,
 * the restart strategy decides: the job stays RUNNING and a new attempt starts after the delay
 * from the latest completed checkpoint (or the state the job started from), or the job fails
 * with the last cause and the earlier ones as suppressed exceptions. The result is completed
 * by the thread that ends the last attempt, after it has joined the timer thread, the
 * checkpoint I/O thread and every other task thread.
 */
public final class LocalJob {
  private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

  private static final Map<JobStatus, Set<JobStatus>> TRANSITIONS = Map.of(
      JobStatus.CREATED, EnumSet.of(JobStatus.RUNNING, JobStatus.FAILED),
      JobStatus.RUNNING, EnumSet.of(JobStatus.FINISHED, JobStatus.FAILING, JobStatus.CANCELLING),
      JobStatus.FAILING, EnumSet.of(JobStatus.FAILED),
      JobStatus.CANCELLING, EnumSet.of(JobStatus.CANCELED, JobStatus.FAILING, JobStatus.FINISHED),
      JobStatus.FINISHED, EnumSet.noneOf(JobStatus.class),
      JobStatus.FAILED, EnumSet.noneOf(JobStatus.class),
      JobStatus.CANCELED, EnumSet.noneOf(JobStatus.class));

  private final String jobId = UUID.randomUUID().toString().replace("-", "");
  private final JobGraph graph;
  private final JobSettings settings;
  private final String jobName;
  private final ProcessingClock clock;
  private final ScheduledExecutorService timerThread;
  private volatile Thread timerWorker;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final List<Thread> threads = new ArrayList<>();
  private final RestartBackoff backoff;
  private final List<Throwable> failureHistory = new ArrayList<>();

  /** The functions as they were before the first attempt: later attempts get fresh copies. */
  private final FunctionInstances.Copies functionCopies = new FunctionInstances.Copies();
  private final boolean restartable;
  private final Set<String> uids;
  private CheckpointCoordinator checkpoints;
  /** The state the job started from (restoreFrom), or null. */
  private CompletedCheckpoint initialState;
  private Attempt attempt;
  private JobStatus status = JobStatus.CREATED;
  private boolean stopping;
  private long startNanos;

  /** Prepares {@code graph} to run; nothing runs until {@link #start()}. */
  public LocalJob(JobGraph graph, JobSettings settings) {
    this.graph = graph;
    this.settings = settings;
    this.jobName = graph.jobName();
    this.backoff = new RestartBackoff(settings.effectiveRestartStrategy());
    this.restartable = !(settings.effectiveRestartStrategy() instanceof RestartStrategy.NoRestart);
    this.timerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "millrace-timer (" + jobName + ")");
      thread.setDaemon(true);
      timerWorker = thread;
      return thread;
    });
    this.clock = settings.clock() != null ? settings.clock() : new SystemProcessingClock(timerThread);
    // Duplicate uids fail here, in execute(), before anything starts.
    this.uids = Set.copyOf(TaskWiring.uids(graph).values());
  }

  public String jobId() {
    return jobId;
  }

  public String jobName() {
    return jobName;
  }

  /** The tasks of the current (or last) attempt, for tests and metrics. */
  public synchronized List<StreamTask> tasks() {
    return attempt != null ? attempt.tasks : List.of();
  }

  /** Every task thread the job started, over all attempts. */
  public synchronized List<Thread> threads() {
    return List.copyOf(threads);
  }

  public synchronized JobStatus status() {
    return status;
  }

  /** How many times the job restarted. */
  public synchronized int restarts() {
    return backoff.restarts();
  }

  /** The job's checkpoint directory ({@code <storage>/<job-id>}), or null without checkpointing. */
  public Path checkpointDirectory() {
    CheckpointCoordinator coordinator = checkpoints;
    return coordinator != null && coordinator.storage() != null ? coordinator.storage().jobDirectory() : null;
  }

  /** What the completed checkpoints and savepoints cost so far. */
  public List<CheckpointStats> checkpointStats() {
    CheckpointCoordinator coordinator = checkpoints;
    return coordinator != null ? coordinator.completedStats() : List.of();
  }

  /** Completes when the job ends (see the class comment). */
  public CompletableFuture<JobExecutionResult> result() {
    return result;
  }

  /**
   * Opens the checkpoint storage, loads the state to start from, and starts the first attempt.
   *
   * @throws RuntimeException if the checkpoint directory or the state to restore is unusable, or
   *     the job cannot be wired (nothing runs then)
   */
  public void start() {
    long firstId = 1;
    CheckpointStorage storage = null;
    try {
      if (settings.restorePath() != null) {
        initialState = CheckpointStorage.loadForRestore(settings.restorePath(), jobName, true);
        firstId = initialState.checkpointId() + 1;
        LOG.info("Job '{}' ({}) restores from {}", jobName, jobId, initialState.directory());
      }
      if (settings.checkpoints() != null) {
        storage = CheckpointStorage.open(
            settings.checkpoints().storage(), jobId, jobName, settings.checkpoints().retained());
      }
    } catch (IOException e) {
      timerThread.shutdownNow();
      throw new java.io.UncheckedIOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      timerThread.shutdownNow();
      throw e;
    }
    checkpoints = new CheckpointCoordinator(jobName, jobId, settings.checkpoints(), storage, timerThread,
        new CheckpointCoordinator.JobActions() {
          @Override
          public void failAttempt(Throwable cause) {
            failCurrentAttempt(cause);
          }

          @Override
          public void stopAfterSavepoint() {
            stopWithSavepointCompleted();
          }
        }, firstId);
    Attempt first;
    synchronized (this) {
      transition(JobStatus.RUNNING);
      startNanos = System.nanoTime();
      LOG.info("Job '{}' ({}) starting", jobName, jobId);
      try {
        first = wireAttempt(initialState);
      } catch (RuntimeException e) {
        status = JobStatus.CREATED;
        transition(JobStatus.FAILED);
        shutDownServices();
        throw e;
      }
    }
    if (!settings.bufferTimeout().isZero()) {
      long period = Math.max(1, settings.bufferTimeout().toMillis());
      timerThread.scheduleAtFixedRate(() -> {
        for (StreamTask task : tasks()) {
          task.requestFlush();
        }
      }, period, period, TimeUnit.MILLISECONDS);
    }
    launch(first);
  }

  /** Wires an attempt from {@code restore} (null: fresh state). Under the lock. */
  private Attempt wireAttempt(CompletedCheckpoint restore) {
    Attempt next = new Attempt();
    TaskWiring wiring = new TaskWiring(graph, settings, clock, next, checkpoints,
        restore != null ? RestoredState.of(restore, uids, settings.allowNonRestoredState()) : null,
        next.finishedActions::add);
    if (restartable) {
      FunctionInstances.wire(functionCopies, () -> {
        wiring.wire();
        return null;
      });
    } else {
      wiring.wire();
    }
    next.tasks = wiring.tasks();
    next.coordinators = wiring.coordinators();
    next.coordinatorStarts = wiring.coordinatorStarts();
    next.view = wiring.attemptView();
    next.running.set(next.tasks.size());
    attempt = next;
    return next;
  }

  /** Starts the attempt's enumerators and threads. Not under the lock. */
  private void launch(Attempt next) {
    try {
      next.coordinatorStarts.forEach(Runnable::run);
    } catch (RuntimeException e) {
      next.failure = e;
      next.running.set(0);
      attemptEnded(next);
      return;
    }
    List<Thread> started = new ArrayList<>();
    for (StreamTask task : next.tasks) {
      started.add(new Thread(task, "millrace " + task));
    }
    synchronized (this) {
      threads.addAll(started);
      next.threads = started;
    }
    checkpoints.attemptStarted(next.view);
    started.forEach(Thread::start);
  }

  /** Cancels every task; the returned future completes when the job has ended. */
  public CompletableFuture<Void> cancel() {
    Attempt current = null;
    boolean endNow = false;
    synchronized (this) {
      if (status == JobStatus.RUNNING) {
        transition(JobStatus.CANCELLING);
        current = attempt;
        endNow = current == null || current.ended;
      }
    }
    if (current != null && !current.ended) {
      current.tasks.forEach(StreamTask::cancel);
    } else if (endNow) {
      finish(null); // between attempts: nothing runs
    }
    return result.handle((ignored, error) -> null);
  }

  /** Takes a savepoint into {@code directory}; with {@code stop}, ends the job after it. */
  public CompletableFuture<Path> triggerSavepoint(Path directory, boolean stop) {
    Objects.requireNonNull(directory, "savepoint directory must not be null");
    if (status() != JobStatus.RUNNING || checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "job '" + jobName + "' is " + status() + ": only a running job takes savepoints"));
    }
    return checkpoints.triggerSavepoint(directory, stop).thenApply(CompletedCheckpoint::directory);
  }

  private void stopWithSavepointCompleted() {
    Attempt current;
    synchronized (this) {
      if (status != JobStatus.RUNNING) {
        return;
      }
      stopping = true;
      transition(JobStatus.CANCELLING);
      current = attempt;
    }
    LOG.info("Job '{}' stops after its savepoint", jobName);
    if (current != null) {
      // Through the mailboxes, behind the savepoint's completion notice, so that two-phase-commit
      // sinks commit what the savepoint covers before their task ends.
      for (StreamTask task : current.tasks) {
        task.mailbox().execute(task::cancel);
      }
      Attempt stopped = current;
      timerThread.schedule(() -> stopped.tasks.forEach(StreamTask::cancel), 10, TimeUnit.SECONDS);
    }
  }

  private void failCurrentAttempt(Throwable cause) {
    Attempt current;
    synchronized (this) {
      current = attempt;
    }
    if (current != null) {
      current.taskFailed(null, cause);
    }
  }

  /** One run of the job's tasks. */
  private final class Attempt implements StreamTask.Listener {
    List<StreamTask> tasks = List.of();
    List<Thread> threads = List.of();
    List<SourceCoordinator<?>> coordinators = List.of();
    List<Runnable> coordinatorStarts = List.of();
    CheckpointCoordinator.AttemptView view;
    final List<OperatorServices.JobFinishedAction> finishedActions =
        Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger running = new AtomicInteger();
    Throwable failure;
    StreamTask failedTask;
    boolean ended;

    @Override
    public void taskFailed(StreamTask task, Throwable taskFailure) {
      synchronized (LocalJob.this) {
        if (failure != null) {
          if (failure != taskFailure) {
            failure.addSuppressed(taskFailure);
          }
          return;
        }
        if (status == JobStatus.CANCELLING && !stopping) {
          return; // echoes of the cancellation
        }
        failure = taskFailure;
        failedTask = task;
        LOG.warn("Job '{}': {} failed", jobName, task != null ? task : "checkpointing", taskFailure);
      }
      for (StreamTask other : tasks) {
        if (other != task) {
          other.cancel();
        }
      }
    }

    @Override
    public void taskEnded(StreamTask task) {
      checkpoints.taskEnded(task);
      if (running.decrementAndGet() == 0) {
        attemptEnded(this);
      }
    }
  }

  /** The last task of {@code ended} has ended: restart, or end the job. */
  private void attemptEnded(Attempt ended) {
    joinThreads(ended.threads);
    for (SourceCoordinator<?> coordinator : ended.coordinators) {
      try {
        coordinator.close();
      } catch (Exception e) {
        LOG.warn("Job '{}': closing a split enumerator failed", jobName, e);
      }
    }
    checkpoints.attemptEnded(ended.failure);
    Duration delay = null;
    synchronized (this) {
      ended.ended = true;
      if (ended.failure != null && status == JobStatus.RUNNING) {
        failureHistory.add(ended.failure);
        delay = backoff.onFailure(System.currentTimeMillis());
        if (delay != null) {
          LOG.warn("Job '{}' restarts in {} ms (restart {}) after: {}", jobName, delay.toMillis(), backoff.restarts(),
              ended.failure.toString());
        }
      }
    }
    if (delay != null) {
      timerThread.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    finish(ended);
  }

  private void restart() {
    Attempt next;
    synchronized (this) {
      if (status != JobStatus.RUNNING) {
        return; // cancelled while waiting: cancel() ended the job
      }
      try {
        CompletedCheckpoint latest = latestCheckpoint();
        if (latest != null) {
          LOG.info("Job '{}' restores checkpoint {} from {}", jobName, latest.checkpointId(), latest.directory());
        }
        functionCopies.markRestarted();
        next = wireAttempt(latest);
      } catch (RuntimeException e) {
        Attempt failed = new Attempt();
        failed.failure = e;
        attempt = failed;
        next = null;
      }
    }
    if (next == null) {
      finish(attempt);
      return;
    }
    launch(next);
  }

  private CompletedCheckpoint latestCheckpoint() {
    CheckpointStorage storage = checkpoints.storage();
    if (storage != null) {
      try {
        Optional<CompletedCheckpoint> latest = storage.latestRestorable();
        if (latest.isPresent()) {
          return latest.get();
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("no usable checkpoint to restart from: " + e.getMessage(), e);
      }
    }
    return initialState;
  }

  /** Ends the job after {@code last} (null: no attempt runs); exactly once. */
  private void finish(Attempt last) {
    boolean lastSucceeded = last != null && last.failure == null;
    boolean runActions;
    synchronized (this) {
      if (status.isTerminal()) {
        return;
      }
      runActions = lastSucceeded && status == JobStatus.RUNNING;
    }
    Throwable commitFailure = null;
    if (runActions) {
      for (OperatorServices.JobFinishedAction action : List.copyOf(last.finishedActions)) {
        try {
          action.run();
        } catch (Exception e) {
          if (commitFailure == null) {
            commitFailure = e;
          } else {
            commitFailure.addSuppressed(e);
          }
        }
      }
    }
    checkpoints.shutDown();
    timerThread.shutdownNow();
    joinOtherThreads();
    Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
    synchronized (this) {
      if (status.isTerminal()) {
        return;
      }
      if (stopping && lastSucceeded) {
        transition(JobStatus.FINISHED);
        LOG.info("Job '{}' stopped with a savepoint after {} ms", jobName, runtime.toMillis());
        result.complete(new JobExecutionResult(jobId, jobName, runtime));
      } else if (status == JobStatus.CANCELLING) {
        transition(JobStatus.CANCELED);
        result.completeExceptionally(new JobExecutionException(
            jobId, "Job '" + jobName + "' was cancelled", null, -1, null));
      } else if (lastSucceeded && commitFailure == null) {
        transition(JobStatus.FINISHED);
        deleteCheckpoints();
        LOG.info("Job '{}' finished in {} ms", jobName, runtime.toMillis());
        result.complete(new JobExecutionResult(jobId, jobName, runtime));
      } else {
        transition(JobStatus.FAILING);
        transition(JobStatus.FAILED);
        Throwable cause = commitFailure != null ? commitFailure : last.failure;
        result.completeExceptionally(toJobException(cause, last != null ? last.failedTask : null));
      }
    }
  }

  private void deleteCheckpoints() {
    Path directory = checkpointDirectory();
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try {
      DurableFiles.deleteRecursively(directory);
    } catch (IOException e) {
      LOG.warn("Job '{}': could not delete its checkpoints in {}: {}", jobName, directory, e.toString());
    }
  }

  private void shutDownServices() {
    if (checkpoints != null) {
      checkpoints.shutDown();
    }
    timerThread.shutdownNow();
  }

  private static void joinThreads(List<Thread> toJoin) {
    for (Thread thread : toJoin) {
      if (thread != Thread.currentThread()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Waits for the timer thread and every task thread but the calling one to exit. */
  private void joinOtherThreads() {
    List<Thread> others = new ArrayList<>(threads());
    Thread timer = timerWorker;
    if (timer != null) {
      others.add(timer);
    }
    joinThreads(others);
  }

  private JobExecutionException toJobException(Throwable failure, StreamTask failedTask) {
    JobExecutionException exception;
    if (failure instanceof UserCodeFailure labelled) {
      Throwable cause = labelled.getCause();
      for (Throwable suppressed : labelled.getSuppressed()) {
        cause.addSuppressed(suppressed);
      }
      exception = new JobExecutionException(jobId,
          "Job '" + jobName + "' failed: " + labelled.operatorName() + ", subtask " + labelled.subtaskIndex()
              + " of " + labelled.parallelism() + ", threw " + cause + restartsNote(),
          labelled.operatorName(), labelled.subtaskIndex(), cause);
    } else {
      String where = failedTask != null ? failedTask.toString() : "job start";
      int subtask = failedTask != null ? failedTask.subtaskIndex() : -1;
      exception = new JobExecutionException(jobId,
          "Job '" + jobName + "' failed in " + where + ": " + failure + restartsNote(),
          failedTask != null ? failedTask.name() : null, subtask, failure);
    }
    synchronized (this) {
      for (int i = 0; i < failureHistory.size() - 1; i++) {
        exception.addSuppressed(failureHistory.get(i));
      }
    }
    return exception;
  }

  private String restartsNote() {
    // A job that may not restart at all failed as it always did: nothing to add.
    if (failureHistory.isEmpty() || !restartable) {
      return "";
    }
    return " (after " + backoff.restarts() + " restart(s); not restarting because " + backoff.exhaustedReason()
        + "; earlier failures are suppressed exceptions)";
  }

  private void transition(JobStatus next) {
    if (!TRANSITIONS.get(status).contains(next)) {
      throw new IllegalStateException("job " + jobName + " cannot move from " + status + " to " + next);
    }
    status = next;
  }
}

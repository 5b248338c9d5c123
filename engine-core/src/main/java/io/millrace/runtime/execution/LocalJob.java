package io.millrace.runtime.execution;

import io.millrace.api.JobExecutionException;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.JobStatus;
import io.millrace.runtime.graph.JobGraph;
import io.millrace.runtime.operators.UserCodeFailure;
import io.millrace.runtime.task.StreamTask;
import io.millrace.runtime.time.ProcessingClock;
import io.millrace.runtime.time.SystemProcessingClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * One run of a job in this JVM: its tasks and their threads, the timer thread (buffer timeout
 * and processing time), the source coordinators, and the job's status and result.
 *
 * <p>Status moves CREATED → RUNNING → FINISHED, or → FAILING → FAILED (the first task failure
 * cancels every other task), or → CANCELLING → CANCELED. The result is completed by the last
 * task thread to end, after it has joined the timer thread and every other task thread: at
 * that moment only the completing thread is still alive, and it exits right after.
 * {@code execute()} also joins that one before it returns.
 */
public final class LocalJob implements StreamTask.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);

  private static final Map<JobStatus, Set<JobStatus>> TRANSITIONS = Map.of(
      JobStatus.CREATED, EnumSet.of(JobStatus.RUNNING, JobStatus.FAILED),
      JobStatus.RUNNING, EnumSet.of(JobStatus.FINISHED, JobStatus.FAILING, JobStatus.CANCELLING),
      JobStatus.FAILING, EnumSet.of(JobStatus.FAILED),
      JobStatus.CANCELLING, EnumSet.of(JobStatus.CANCELED, JobStatus.FAILING),
      JobStatus.FINISHED, EnumSet.noneOf(JobStatus.class),
      JobStatus.FAILED, EnumSet.noneOf(JobStatus.class),
      JobStatus.CANCELED, EnumSet.noneOf(JobStatus.class));

  private final String jobId = UUID.randomUUID().toString().replace("-", "");
  private final String jobName;
  private final List<StreamTask> tasks;
  private final List<Thread> threads = new ArrayList<>();
  private final List<SourceCoordinator<?>> coordinators;
  private final List<Runnable> coordinatorStarts;
  private final ScheduledExecutorService timerThread;
  private volatile Thread timerWorker;
  private final Duration bufferTimeout;
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final AtomicInteger runningTasks;

  private JobStatus status = JobStatus.CREATED;
  private Throwable failure;
  private StreamTask failedTask;
  private long startNanos;

  /** Wires {@code graph} into tasks; nothing runs until {@link #start()}. */
  public LocalJob(JobGraph graph, JobSettings settings) {
    this.jobName = graph.jobName();
    this.bufferTimeout = settings.bufferTimeout();
    this.timerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "millrace-timer (" + jobName + ")");
      thread.setDaemon(true);
      timerWorker = thread;
      return thread;
    });
    ProcessingClock clock = settings.clock() != null ? settings.clock() : new SystemProcessingClock(timerThread);
    TaskWiring wiring = new TaskWiring(graph, settings, clock, this);
    try {
      wiring.wire();
    } catch (RuntimeException e) {
      timerThread.shutdownNow();
      throw e;
    }
    this.tasks = wiring.tasks();
    this.coordinators = wiring.coordinators();
    this.coordinatorStarts = wiring.coordinatorStarts();
    this.runningTasks = new AtomicInteger(tasks.size());
  }

  public String jobId() {
    return jobId;
  }

  public String jobName() {
    return jobName;
  }

  /** The job's tasks, for tests and metrics. */
  public List<StreamTask> tasks() {
    return tasks;
  }

  /** The job's task threads (available after {@link #start()}). */
  public synchronized List<Thread> threads() {
    return List.copyOf(threads);
  }

  public synchronized JobStatus status() {
    return status;
  }

  /** Completes when the job ends (see the class comment). */
  public CompletableFuture<JobExecutionResult> result() {
    return result;
  }

  /** Starts the source enumerators, the task threads and the buffer-timeout ticker. */
  public synchronized void start() {
    transition(JobStatus.RUNNING);
    startNanos = System.nanoTime();
    LOG.info("Job '{}' ({}) starting with {} tasks", jobName, jobId, tasks.size());
    try {
      coordinatorStarts.forEach(Runnable::run);
    } catch (RuntimeException e) {
      failure = e;
      transition(JobStatus.FAILING);
      runningTasks.set(0);
      finish();
      return;
    }
    if (!bufferTimeout.isZero()) {
      long period = Math.max(1, bufferTimeout.toMillis());
      timerThread.scheduleAtFixedRate(() -> tasks.forEach(StreamTask::requestFlush), period, period, TimeUnit.MILLISECONDS);
    }
    for (StreamTask task : tasks) {
      Thread thread = new Thread(task, "millrace " + task);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  /** Cancels every task; the returned future completes when all of them have ended. */
  public CompletableFuture<Void> cancel() {
    synchronized (this) {
      if (status == JobStatus.RUNNING) {
        transition(JobStatus.CANCELLING);
        tasks.forEach(StreamTask::cancel);
      }
    }
    return result.handle((ignored, error) -> null);
  }

  /** Takes a savepoint into {@code directory}; with {@code stop}, ends the job after it. */
  public CompletableFuture<java.nio.file.Path> triggerSavepoint(java.nio.file.Path directory, boolean stop) {
    return CompletableFuture.failedFuture(new IllegalStateException("savepoints are not wired yet"));
  }

  @Override
  public void taskFailed(StreamTask task, Throwable taskFailure) {
    synchronized (this) {
      if (failure != null) {
        failure.addSuppressed(taskFailure);
        return;
      }
      if (status == JobStatus.CANCELLING || status == JobStatus.RUNNING) {
        failure = taskFailure;
        failedTask = task;
        transition(JobStatus.FAILING);
        LOG.warn("Job '{}' failing: {} failed", jobName, task, taskFailure);
        for (StreamTask other : tasks) {
          if (other != task) {
            other.cancel();
          }
        }
      }
    }
  }

  @Override
  public void taskEnded(StreamTask task) {
    if (runningTasks.decrementAndGet() == 0) {
      finish();
    }
  }

  private void finish() {
    timerThread.shutdownNow();
    joinOtherThreads();
    for (SourceCoordinator<?> coordinator : coordinators) {
      try {
        coordinator.close();
      } catch (Exception e) {
        LOG.warn("Job '{}': closing a split enumerator failed", jobName, e);
      }
    }
    Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
    synchronized (this) {
      if (status == JobStatus.FAILING) {
        transition(JobStatus.FAILED);
        result.completeExceptionally(toJobException());
      } else if (status == JobStatus.CANCELLING) {
        transition(JobStatus.CANCELED);
        result.completeExceptionally(new JobExecutionException(
            jobId, "Job '" + jobName + "' was cancelled", null, -1, null));
      } else {
        transition(JobStatus.FINISHED);
        LOG.info("Job '{}' finished in {} ms", jobName, runtime.toMillis());
        result.complete(new JobExecutionResult(jobId, jobName, runtime));
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
    others.remove(Thread.currentThread());
    try {
      for (Thread thread : others) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private JobExecutionException toJobException() {
    if (failure instanceof UserCodeFailure labelled) {
      Throwable cause = labelled.getCause();
      for (Throwable suppressed : labelled.getSuppressed()) {
        cause.addSuppressed(suppressed);
      }
      return new JobExecutionException(jobId,
          "Job '" + jobName + "' failed: " + labelled.operatorName() + ", subtask " + labelled.subtaskIndex()
              + " of " + labelled.parallelism() + ", threw " + cause,
          labelled.operatorName(), labelled.subtaskIndex(), cause);
    }
    String where = failedTask != null ? failedTask.toString() : "job start";
    int subtask = failedTask != null ? failedTask.subtaskIndex() : -1;
    return new JobExecutionException(jobId,
        "Job '" + jobName + "' failed in " + where + ": " + failure, failedTask != null ? failedTask.name() : null,
        subtask, failure);
  }

  private void transition(JobStatus next) {
    if (!TRANSITIONS.get(status).contains(next)) {
      throw new IllegalStateException("job " + jobName + " cannot move from " + status + " to " + next);
    }
    status = next;
  }
}

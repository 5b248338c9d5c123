package io.millrace.api;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a job started with {@link StreamExecutionEnvironment#executeAsync(String)}.
 *
 * <pre>{@code
 * JobClient job = env.executeAsync("clicks");
 * ...
 * job.cancel().get();
 * }</pre>
 */
public interface JobClient {
  /** The job's id. */
  String getJobId();

  /** The job's current status (completed at once). */
  CompletableFuture<JobStatus> getJobStatus();

  /**
   * Cancels the job: every task stops and its resources are released. The future completes
   * when the job has ended: every task has stopped, and the job's last thread is exiting.
   */
  CompletableFuture<Void> cancel();

  /**
   * Takes a savepoint into {@code directory} (created if missing; must be empty) while the job
   * goes on. Completes with the savepoint's path once it is on disk, exceptionally if it could
   * not be taken (e.g. the job is not running, or a source cannot take part).
   */
  CompletableFuture<Path> triggerSavepoint(Path directory);

  /**
   * Stops the sources, takes a final savepoint into {@code directory} and ends the job
   * (status FINISHED) without firing what the end of input would fire: a job restored from it
   * continues exactly where this one stopped, losing and repeating nothing.
   */
  CompletableFuture<Path> stopWithSavepoint(Path directory);

  /**
   * Completes with the result when the job finishes, or exceptionally with a
   * {@link JobExecutionException} when it fails or is cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();
}

package io.millrace.api;

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
   * Completes with the result when the job finishes, or exceptionally with a
   * {@link JobExecutionException} when it fails or is cancelled.
   */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();
}

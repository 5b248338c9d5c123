package io.millrace.runtime.execution;

import io.millrace.api.JobClient;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.JobStatus;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** The {@link JobClient} of a job running in this JVM. */
public final class LocalJobClient implements JobClient {
  private final LocalJob job;

  public LocalJobClient(LocalJob job) {
    this.job = job;
  }

  /** The running job, for tests and metrics. */
  public LocalJob job() {
    return job;
  }

  @Override
  public String getJobId() {
    return job.jobId();
  }

  @Override
  public CompletableFuture<JobStatus> getJobStatus() {
    return CompletableFuture.completedFuture(job.status());
  }

  @Override
  public CompletableFuture<Void> cancel() {
    return job.cancel();
  }

  @Override
  public CompletableFuture<Path> triggerSavepoint(Path directory) {
    return job.triggerSavepoint(directory, false);
  }

  @Override
  public CompletableFuture<Path> stopWithSavepoint(Path directory) {
    return job.triggerSavepoint(directory, true);
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return job.result();
  }

  @Override
  public String toString() {
    return "JobClient{" + job.jobName() + " (" + job.jobId() + ")}";
  }
}

package io.millrace.api;

import java.time.Duration;

/**
 * What a finished job reports.
 *
 * @param jobId the job's id
 * @param jobName the job's name
 * @param netRuntime the time from start to end
 */
public record JobExecutionResult(String jobId, String jobName, Duration netRuntime) {
  /** The job's wall-clock run time in milliseconds. */
  public long getNetRuntime() {
    return netRuntime.toMillis();
  }

  /** The job's id. */
  public String getJobId() {
    return jobId;
  }
}

package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Runs a job that must fail and returns how. */
final class JobFailures {
  private JobFailures() {}

  /** Calls {@code env.execute()} and returns the {@link JobExecutionException} it must throw. */
  static JobExecutionException executionFailureOf(StreamExecutionEnvironment env) {
    Throwable thrown = catchThrowable(env::execute);
    assertThat(thrown).as("execute() must fail the job").isInstanceOf(JobExecutionException.class);
    return (JobExecutionException) thrown;
  }
}

package io.millrace.runtime.api;

import io.millrace.api.StreamExecutionEnvironment;

/** Registered with {@link java.util.ServiceLoader}: the engine that runs jobs in this JVM. */
public final class LocalEnvironmentFactory implements StreamExecutionEnvironment.Factory {
  @Override
  public StreamExecutionEnvironment createEnvironment(int parallelism) {
    return new LocalStreamEnvironment(parallelism);
  }
}

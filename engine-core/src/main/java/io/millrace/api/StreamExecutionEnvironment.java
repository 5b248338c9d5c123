package io.millrace.api;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.Source;
import io.millrace.api.source.SourceFunction;
import io.millrace.state.StateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The entry point of every job: creates sources, holds the job's configuration and runs the
 * job on threads of this JVM.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromElements("a", "b", "a")
 *     .keyBy(word -> word)
 *     .map(word -> word.toUpperCase())
 *     .print();
 * env.execute("words");
 * }</pre>
 *
 * <p>An environment builds one job at a time: after {@code execute()} the streams built so far
 * belong to the executed job, and new sources start the next job. Not thread-safe: build a job
 * from one thread.
 */
public abstract class StreamExecutionEnvironment {

  /**
   * An environment whose default parallelism is the number of available processors.
   */
  public static StreamExecutionEnvironment getExecutionEnvironment() {
    return createLocalEnvironment(Runtime.getRuntime().availableProcessors());
  }

  /** An environment whose default parallelism is {@code parallelism}. */
  public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
    return Engines.FACTORY.createEnvironment(parallelism);
  }

  /** Sets the default parallelism of operators (at least 1). */
  public abstract StreamExecutionEnvironment setParallelism(int parallelism);

  /** The default parallelism of operators. */
  public abstract int getParallelism();

  /**
   * Sets the default max parallelism: the number of key groups keyed state is split into, and
   * the upper bound for rescaling. 1 to 32768; at least the parallelism of every keyed operator.
   */
  public abstract StreamExecutionEnvironment setMaxParallelism(int maxParallelism);

  /**
   * Sets how long a partly filled batch of records may wait before it is handed to the next
   * task: {@code Duration.ZERO} hands over every record at once (lowest latency, lowest
   * throughput). A task also hands over its batches whenever it runs out of input.
   */
  public abstract StreamExecutionEnvironment setBufferTimeout(Duration timeout);

  /** The execution settings of jobs built with this environment (watermark interval, ...). */
  public abstract ExecutionConfig getConfig();

  /** Sets the keyed state backend; the default is the heap ({@code HashMapStateBackend}). */
  public abstract StreamExecutionEnvironment setStateBackend(StateBackend backend);

  /** A non-parallel source of the given elements, in order. */
  @SafeVarargs
  public final <T> DataStreamSource<T> fromElements(T... elements) {
    List<T> list = new ArrayList<>(elements.length);
    for (T element : elements) {
      list.add(element);
    }
    return fromCollection(list);
  }

  /** A non-parallel source of the elements of {@code collection}, in iteration order. */
  public abstract <T> DataStreamSource<T> fromCollection(Collection<T> collection);

  /** A parallel source of the numbers {@code from..to}, inclusive, split among subtasks. */
  public abstract DataStreamSource<Long> fromSequence(long from, long to);

  /** A source running {@code function}; parallel only if it is a {@code ParallelSourceFunction}. */
  public abstract <T> DataStreamSource<T> addSource(SourceFunction<T> function);

  /** A source running {@code function}, named {@code name}. */
  public abstract <T> DataStreamSource<T> addSource(SourceFunction<T> function, String name);

  /**
   * Turns on checkpoints every {@code interval}: the job's state is snapshotted consistently
   * and, after a failure, the job restarts from the newest completed checkpoint. Further
   * settings: {@link #getCheckpointConfig()}.
   *
   * @throws IllegalArgumentException if the interval is not positive
   */
  public StreamExecutionEnvironment enableCheckpointing(Duration interval) {
    getCheckpointConfig().setCheckpointInterval(interval);
    return this;
  }

  /** {@link #enableCheckpointing(Duration)} in milliseconds. */
  public StreamExecutionEnvironment enableCheckpointing(long intervalMillis) {
    return enableCheckpointing(Duration.ofMillis(intervalMillis));
  }

  /** The checkpoint settings of the jobs this environment starts. */
  public abstract CheckpointConfig getCheckpointConfig();

  /** Sets what the job does when a task fails; see {@link RestartStrategies} for the default. */
  public abstract StreamExecutionEnvironment setRestartStrategy(RestartStrategy strategy);

  /**
   * Starts the next job from a savepoint or a retained checkpoint: a savepoint directory, a
   * {@code chk-<n>} directory, or a job's checkpoint directory (its newest usable checkpoint).
   * Operators are matched by {@code uid} (auto-generated uids match when the job is
   * unchanged); parallelism and state backend may differ from the run that wrote it. The job
   * fails to start if state has no operator to go to.
   */
  public StreamExecutionEnvironment restoreFrom(Path path) {
    return restoreFrom(path, false);
  }

  /**
   * As {@link #restoreFrom(Path)}; with {@code allowNonRestoredState} state of operators the
   * job no longer has is skipped (logged) instead of failing the start.
   */
  public abstract StreamExecutionEnvironment restoreFrom(Path path, boolean allowNonRestoredState);

  /** A split-based source. */
  public abstract <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String name);

  /** Runs the job built so far and blocks until it ends. */
  public JobExecutionResult execute() throws Exception {
    return execute("Millrace job");
  }

  /**
   * Runs the job built so far under {@code jobName} and blocks until it ends.
   *
   * @throws JobExecutionException if the job fails; the cause is the original exception
   */
  public abstract JobExecutionResult execute(String jobName) throws Exception;

  /** Starts the job built so far and returns at once. */
  public abstract JobClient executeAsync(String jobName) throws Exception;

  /** Starts the job built so far under a default name and returns at once. */
  public JobClient executeAsync() throws Exception {
    return executeAsync("Millrace job");
  }

  /**
   * Creates environments: implemented by the engine that runs jobs, found with
   * {@link ServiceLoader}. Users do not implement it.
   */
  public interface Factory {
    /** A new environment with default parallelism {@code parallelism}. */
    StreamExecutionEnvironment createEnvironment(int parallelism);
  }

  /** Finds the engine once per class loader. */
  private static final class Engines {
    static final Factory FACTORY =
        ServiceLoader.load(Factory.class, StreamExecutionEnvironment.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                "No Millrace engine on the class path: add the dependency io.millrace:millrace-core"));
  }
}

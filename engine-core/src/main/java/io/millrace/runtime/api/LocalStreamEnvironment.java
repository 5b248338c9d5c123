package io.millrace.runtime.api;

import io.millrace.api.CheckpointConfig;
import io.millrace.api.DataStreamSource;
import io.millrace.api.ExecutionConfig;
import io.millrace.api.JobClient;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.RestartStrategy;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.NumberSequenceSource;
import io.millrace.api.source.ParallelSourceFunction;
import io.millrace.api.source.Source;
import io.millrace.api.source.SourceFunction;
import io.millrace.runtime.execution.JobSettings;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.runtime.graph.JobGraph;
import io.millrace.runtime.graph.JobGraphBuilder;
import io.millrace.runtime.graph.SourceTransformation;
import io.millrace.runtime.graph.Transformation;
import io.millrace.runtime.time.ProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The environment that runs jobs on threads of this JVM. Records the transformations of the
 * job being built; {@code execute()} turns them into a job graph and runs it.
 */
public final class LocalStreamEnvironment extends StreamExecutionEnvironment {
  /** The default buffer timeout: a busy task hands over partly filled batches this often. */
  public static final Duration DEFAULT_BUFFER_TIMEOUT = Duration.ofMillis(10);

  private int parallelism;
  private int maxParallelism = Transformation.DEFAULT;
  private Duration bufferTimeout = DEFAULT_BUFFER_TIMEOUT;
  private StateBackend stateBackend = new HashMapStateBackend();
  private ProcessingClock clock;
  private int channelCapacity = JobSettings.DEFAULT_CHANNEL_CAPACITY;
  private int batchSize = JobSettings.DEFAULT_BATCH_SIZE;

  private final ExecutionConfig config = new ExecutionConfig();
  private final CheckpointConfig checkpointConfig = new CheckpointConfig();
  private RestartStrategy restartStrategy;
  private Path restorePath;
  private boolean allowNonRestoredState;
  private int nextTransformationId = 1;
  private int generation;
  private final List<Transformation<?>> sinks = new ArrayList<>();

  LocalStreamEnvironment(int parallelism) {
    setParallelism(parallelism);
  }

  @Override
  public LocalStreamEnvironment setParallelism(int parallelism) {
    this.parallelism = Validation.parallelism(parallelism, "StreamExecutionEnvironment.setParallelism");
    return this;
  }

  @Override
  public int getParallelism() {
    return parallelism;
  }

  @Override
  public LocalStreamEnvironment setMaxParallelism(int maxParallelism) {
    this.maxParallelism = Validation.maxParallelism(maxParallelism, "StreamExecutionEnvironment.setMaxParallelism");
    return this;
  }

  @Override
  public LocalStreamEnvironment setBufferTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "buffer timeout must not be null; use Duration.ZERO to hand over every record");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(
          "buffer timeout must not be negative, got " + timeout + " for setBufferTimeout(...)");
    }
    this.bufferTimeout = timeout;
    return this;
  }

  @Override
  public ExecutionConfig getConfig() {
    return config;
  }

  @Override
  public LocalStreamEnvironment setStateBackend(StateBackend backend) {
    this.stateBackend = Objects.requireNonNull(backend, "state backend must not be null");
    return this;
  }

  @Override
  public CheckpointConfig getCheckpointConfig() {
    return checkpointConfig;
  }

  @Override
  public LocalStreamEnvironment setRestartStrategy(RestartStrategy strategy) {
    this.restartStrategy = Objects.requireNonNull(strategy, "restart strategy must not be null");
    return this;
  }

  @Override
  public LocalStreamEnvironment restoreFrom(Path path, boolean allowNonRestoredState) {
    this.restorePath = Objects.requireNonNull(path, "restore path must not be null");
    this.allowNonRestoredState = allowNonRestoredState;
    return this;
  }

  /** Runs processing time on {@code clock} (tests drive a manual clock). Internal. */
  public LocalStreamEnvironment setProcessingClock(ProcessingClock clock) {
    this.clock = clock;
    return this;
  }

  /** Sets how many batches a channel holds and how many records a batch holds. Internal. */
  public LocalStreamEnvironment setChannelShape(int channelCapacity, int batchSize) {
    if (Integer.bitCount(channelCapacity) != 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "channel capacity must be a power of two and batch size positive, got " + channelCapacity + ", " + batchSize);
    }
    this.channelCapacity = channelCapacity;
    this.batchSize = batchSize;
    return this;
  }

  // ---------------------------------------------------------------- sources

  @Override
  public <T> DataStreamSource<T> fromCollection(Collection<T> collection) {
    Objects.requireNonNull(collection, "collection must not be null");
    List<T> elements = new ArrayList<>(collection.size());
    for (T element : collection) {
      if (element == null) {
        throw new NullPointerException(
            "fromElements/fromCollection got a null element at index " + elements.size()
                + "; streams cannot carry null elements: leave it out or use a placeholder value");
      }
      elements.add(element);
    }
    return addSource(new CollectionSource<>(elements), "fromCollection");
  }

  @Override
  public DataStreamSource<Long> fromSequence(long from, long to) {
    return fromSource(new NumberSequenceSource(from, to), WatermarkStrategy.noWatermarks(), "sequence " + from + ".." + to);
  }

  @Override
  public <T> DataStreamSource<T> addSource(SourceFunction<T> function) {
    return addSource(function, FunctionNames.describe(function));
  }

  @Override
  public <T> DataStreamSource<T> addSource(SourceFunction<T> function, String name) {
    Objects.requireNonNull(function, "source function must not be null");
    SourceTransformation<T> transformation = SourceTransformation.ofFunction(
        nextId(), name, generation, function, function instanceof ParallelSourceFunction<?>);
    if (!transformation.isParallel()) {
      transformation.setParallelism(1);
    }
    return new DataStreamSourceImpl<>(this, transformation);
  }

  @Override
  public <T> DataStreamSource<T> fromSource(
      Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy, String name) {
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(watermarkStrategy, "watermark strategy must not be null; use WatermarkStrategy.noWatermarks()");
    return new DataStreamSourceImpl<>(this, SourceTransformation.ofSource(nextId(), name, generation, source, watermarkStrategy));
  }

  // ---------------------------------------------------------------- execution

  @Override
  public JobExecutionResult execute(String jobName) throws Exception {
    LocalJob job = startJob(jobName);
    try {
      return job.result().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
      throw e;
    } finally {
      for (Thread thread : job.threads()) {
        thread.join();
      }
    }
  }

  @Override
  public JobClient executeAsync(String jobName) {
    return new LocalJobClient(startJob(jobName));
  }

  /** Builds the job from what was recorded, starts it, and opens the environment for the next job. */
  LocalJob startJob(String jobName) {
    JobGraph graph;
    try {
      graph = new JobGraphBuilder(parallelism, maxParallelism).build(jobName, List.copyOf(sinks));
    } finally {
      sinks.clear();
      generation++;
    }
    LocalJob job = new LocalJob(graph,
        new JobSettings(bufferTimeout, stateBackend, clock, channelCapacity, batchSize,
            config.getAutoWatermarkInterval(), JobSettings.CheckpointSettings.of(checkpointConfig), restartStrategy,
            restorePath, allowNonRestoredState));
    job.start();
    return job;
  }

  // ---------------------------------------------------------------- for the stream classes

  int nextId() {
    return nextTransformationId++;
  }

  int generation() {
    return generation;
  }

  /** Fails if {@code input} belongs to a job that was already executed. */
  void checkNotExecuted(Transformation<?> input, String operation) {
    if (input.generation() != generation) {
      throw new IllegalStateException(
          "Cannot add " + operation + " after " + input.readableName() + ": its job was already started with "
              + "execute() or executeAsync(). Build the next job from new sources of the environment.");
    }
  }

  void addSink(Transformation<?> sink) {
    sinks.add(sink);
  }
}

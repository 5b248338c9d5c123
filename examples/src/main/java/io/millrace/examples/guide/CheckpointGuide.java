package io.millrace.examples.guide;

import io.millrace.api.JobClient;
import io.millrace.api.JobExecutionException;
import io.millrace.api.RestartStrategies;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.CheckpointListener;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.sink.FileSink;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Checkpoints, recovery, exactly-once file output and savepoints. */
public final class CheckpointGuide {
  private CheckpointGuide() {}

  /** Turns on checkpoints every {@code interval} into {@code checkpointDirectory}, with three restarts. */
  static void enableCheckpoints(StreamExecutionEnvironment env, Path checkpointDirectory, Duration interval) {
    // [START enable]
    env.enableCheckpointing(interval);                       // e.g. Duration.ofSeconds(10)
    env.getCheckpointConfig()
        .setCheckpointStorage(checkpointDirectory)           // must exist; default: java.io.tmpdir/millrace-checkpoints
        .setNumRetainedCheckpoints(2)                        // recovery falls back to the older one if needed
        .setTolerableCheckpointFailureNumber(1);             // one failed checkpoint in a row is tolerated
    env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ofMillis(100)));
    // [END enable]
  }

  /** Keeps keyed state in RocksDB with incremental checkpoints (local files under {@code stateDirectory}). */
  static void incrementalRocksDB(StreamExecutionEnvironment env, Path stateDirectory) {
    // [START incremental]
    env.setStateBackend(new EmbeddedRocksDBStateBackend(true)   // true: incremental checkpoints
        .setLocalDirectory(stateDirectory));
    // [END incremental]
  }

  /** The numbers {@code 0 .. count-1}, {@code perSecond} of them per second over all subtasks. */
  static DataGeneratorSource<Long> numbers(long count, double perSecond) {
    return new DataGeneratorSource<>(i -> i, count, RateLimiterStrategy.perSecond(perSecond), Long.class);
  }

  // [START failOnce]
  /**
   * Passes numbers through, but fails the job once, at the first number after a checkpoint
   * completed. The marker file remembers the failure across the restart (function instances
   * are created anew for each attempt).
   */
  static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private final String marker;              // a String: a Path is not serializable
    private boolean checkpointCompleted;

    FailOnceAfterACheckpoint(Path marker) {
      this.marker = marker.toString();
    }

    @Override
    public Long map(Long value) throws IOException {
      if (checkpointCompleted && Files.notExists(Path.of(marker))) {
        try {
          Files.createFile(Path.of(marker));
          throw new IllegalStateException("injected failure at " + value);
        } catch (FileAlreadyExistsException otherSubtaskFailedFirst) {
          // one failure is enough
        }
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted = true;
    }
  }
  // [END failOnce]

  /**
   * Writes the numbers {@code 0 .. count-1} into part files in {@code output}, exactly once,
   * although the job fails once after a checkpoint and restarts from it.
   */
  static void writeNumbersExactlyOnce(StreamExecutionEnvironment env, long count, Path output, Path marker)
      throws Exception {
    // [START fileSink]
    env.fromSource(numbers(count, 20_000), WatermarkStrategy.noWatermarks(), "numbers")
        .map(new FailOnceAfterACheckpoint(marker))
        .sinkTo(FileSink.forRowFormat(output, number -> "number " + number));
    env.execute("exactly-once numbers");
    // [END fileSink]
  }

  /** The lines of the committed part files in {@code output}, sorted. */
  static List<String> committedLines(Path output) throws IOException {
    // [START readParts]
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path part : files.filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(part));       // in-progress and pending files start with '.'
      }
    }
    // [END readParts]
    lines.sort(Comparator.comparingLong(line -> Long.parseLong(line.substring("number ".length()))));
    return lines;
  }

  // [START runningCount]
  /** Counts the numbers of each key (number % 4) and prints "key: count" for every number. */
  static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long number, Context ctx, Collector<String> out) throws Exception {
      long next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + ": " + next);
    }
  }
  // [END runningCount]

  /** Adds the counting job over {@code count} numbers to {@code env}; the operators have uids. */
  static void countingJob(StreamExecutionEnvironment env, long count) {
    // [START uids]
    env.fromSource(numbers(count, 2_000), WatermarkStrategy.noWatermarks(), "numbers")
        .uid("numbers")                                   // the source's state: its position
        .keyBy(number -> number % 4)
        .process(new RunningCount())
        .uid("running-count")                             // the counts
        .print();
    // [END uids]
  }

  /**
   * Starts the counting job on {@code env}, stops it with a savepoint in {@code savepoints}
   * as soon as it runs, and returns the savepoint's path.
   */
  static Path stopWithSavepoint(StreamExecutionEnvironment env, long count, Path savepoints) throws Exception {
    countingJob(env, count);
    // [START stop]
    JobClient job = env.executeAsync("running count");
    Path savepoint = job.stopWithSavepoint(savepoints.resolve("sp-1")).get();   // waits for the savepoint
    job.getJobExecutionResult().get();                                       // the job is FINISHED
    // [END stop]
    return savepoint;
  }

  /** Runs the counting job to its end from {@code savepoint}, at the parallelism of {@code env}. */
  static void resumeFrom(StreamExecutionEnvironment env, long count, Path savepoint) throws Exception {
    // [START restore]
    env.restoreFrom(savepoint);                  // operators matched by uid
    countingJob(env, count);                     // the same job, maybe at another parallelism or on another backend
    env.execute("running count");
    // [END restore]
  }

  /** A job that fails on every number, restarted twice, then reported with its failure history. */
  static void failureHistory(StreamExecutionEnvironment env) throws Exception {
    // [START history]
    env.setRestartStrategy(RestartStrategies.fixedDelay(2, Duration.ofMillis(10)));
    env.fromElements(1L, 2L, 3L)
        .map(number -> number / (number - number))      // always fails
        .print();
    try {
      env.execute("division");
    } catch (JobExecutionException e) {
      System.out.println(e.getMessage());               // the last failure and why there is no restart
      for (Throwable earlier : e.getSuppressed()) {      // the failures before it, oldest first
        System.out.println("earlier: " + earlier);
      }
    }
    // [END history]
  }

  /** Runs every example in a temporary directory. */
  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("millrace-checkpoint-guide");
    try {
      Path checkpoints = Files.createDirectory(directory.resolve("checkpoints"));

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      enableCheckpoints(env, checkpoints, Duration.ofMillis(50));
      writeNumbersExactlyOnce(env, 10_000, directory.resolve("numbers"), directory.resolve("failed-once"));
      List<String> lines = committedLines(directory.resolve("numbers"));
      System.out.println(lines.size() + " lines, " + lines.stream().distinct().count() + " distinct, from "
          + lines.get(0) + " to " + lines.get(lines.size() - 1));

      Path savepoints = Files.createDirectory(directory.resolve("savepoints"));
      Path savepoint = stopWithSavepoint(StreamExecutionEnvironment.createLocalEnvironment(2), 1_000, savepoints);
      StreamExecutionEnvironment rescaled = StreamExecutionEnvironment.createLocalEnvironment(3);
      incrementalRocksDB(rescaled, Files.createDirectory(directory.resolve("rocksdb")));
      resumeFrom(rescaled, 1_000, savepoint);

      failureHistory(StreamExecutionEnvironment.createLocalEnvironment(1));
    } finally {
      deleteTree(directory);
    }
  }

  static void deleteTree(Path directory) {
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}

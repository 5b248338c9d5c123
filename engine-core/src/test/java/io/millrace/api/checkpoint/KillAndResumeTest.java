package io.millrace.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.CheckpointedFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.FunctionInitializationContext;
import io.millrace.api.functions.FunctionSnapshotContext;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.sink.FileSink;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running a checkpointed job is killed with SIGKILL while a checkpoint is in progress (a
 * snapshot blocks on purpose); a second JVM restores the job from its checkpoint directory — the
 * newest complete checkpoint, not the partial one — and runs it to the end: the FileSink holds
 * every input counted exactly once.
 */
class KillAndResumeTest {
  static final int EVENTS = 20_000;
  static final int KEYS = 10;
  static final int EVENTS_PER_SECOND = 5_000;
  /**
   * The first JVM runs slowly, so that on a loaded machine it is still running when the test
   * has seen its checkpoints and kills it (a finished job deletes its checkpoints).
   */
  static final int FIRST_RUN_EVENTS_PER_SECOND = 500;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aJobKilledMidCheckpointResumesFromItsLastCompleteCheckpointWithExactlyOnceOutput() throws Exception {
    Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
    Path out = dir.resolve("out");
    Path signals = Files.createDirectories(dir.resolve("signals"));

    Process first = start("first", checkpoints, checkpoints, out, signals, dir.resolve("first.log"));
    try {
      awaitOrFail(() -> completedCheckpoints(checkpoints).size() >= 2, first, "two completed checkpoints");
      Files.createFile(signals.resolve("block"));
      awaitOrFail(() -> blockedCheckpoint(signals).isPresent(), first, "a snapshot blocking mid-checkpoint");
    } finally {
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the killed JVM exited").isTrue();
    }
    assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

    Path jobDirectory = onlyJobDirectory(checkpoints);
    long blocked = blockedCheckpoint(signals).orElseThrow();
    List<Long> completed = completedCheckpoints(checkpoints);
    long lastCompleted = completed.get(completed.size() - 1);
    assertThat(lastCompleted).as("the blocked checkpoint %d did not complete", blocked).isLessThan(blocked);
    assertThat(jobDirectory.resolve("chk-" + blocked)).as("the killed checkpoint left a partial directory")
        .isDirectory();
    assertThat(jobDirectory.resolve("chk-" + blocked + "/_metadata")).doesNotExist();

    Process second = start("resume", checkpoints, jobDirectory, out, signals, dir.resolve("second.log"));
    boolean ended = second.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      second.destroyForcibly();
    }
    assertThat(ended).as("the resumed job ended; its log: %s", log(dir.resolve("second.log"))).isTrue();
    assertThat(second.exitValue()).as("the resumed job succeeded; its log: %s", log(dir.resolve("second.log"))).isZero();

    assertThat(Files.readString(signals.resolve("restored"))).as("the resumed job restored the last completed checkpoint")
        .isEqualTo(Long.toString(lastCompleted));
    assertThat(committedLines(out)).as("every input counted exactly once").isEqualTo(expectedLines());
  }

  /** {@code <key> <n>} for each key and each n from 1 to the key's number of inputs, sorted. */
  private static List<String> expectedLines() {
    List<String> lines = new ArrayList<>();
    for (int key = 0; key < KEYS; key++) {
      long count = (EVENTS - key + KEYS - 1) / KEYS;
      for (long n = 1; n <= count; n++) {
        lines.add(key + " " + n);
      }
    }
    lines.sort(null);
    return lines;
  }

  private Process start(String mode, Path storage, Path restoreFrom, Path out, Path signals, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), CountingJob.class.getName(),
        mode, storage.toString(), restoreFrom.toString(), out.toString(), signals.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Polls {@code condition} until it holds; fails if the process ends or 60 s pass first. */
  private void awaitOrFail(BooleanSupplier condition, Process process, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("the job JVM ended before %s; its log: %s", what, log(dir.resolve("first.log"))).isTrue();
      assertThat(System.nanoTime()).as("waited 60 s for %s; log: %s", what, log(dir.resolve("first.log"))).isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static String log(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static Path onlyJobDirectory(Path storage) throws IOException {
    try (Stream<Path> jobs = Files.list(storage)) {
      List<Path> all = jobs.filter(Files::isDirectory).toList();
      assertThat(all).as("one job directory in %s", storage).hasSize(1);
      return all.get(0);
    }
  }

  /**
   * The ids of the checkpoints with metadata in the job directories under {@code storage},
   * ascending. Tolerates directories vanishing meanwhile (the job deletes subsumed checkpoints).
   */
  private static List<Long> completedCheckpoints(Path storage) {
    List<Long> ids = new ArrayList<>();
    for (Path job : list(storage)) {
      for (Path checkpoint : list(job)) {
        String name = checkpoint.getFileName().toString();
        if (name.startsWith("chk-") && Files.exists(checkpoint.resolve("_metadata"))) {
          ids.add(Long.parseLong(name.substring("chk-".length())));
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  /** The entries of {@code directory}; none if it does not exist (any more). */
  private static List<Path> list(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Long> blockedCheckpoint(Path signals) {
    try (Stream<Path> files = Files.list(signals)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("blocked-"))
          .map(name -> Long.parseLong(name.substring("blocked-".length())))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> committedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(file -> file.getFileName().toString().startsWith("part-")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    lines.sort(null);
    return lines;
  }

  /**
   * The job, run in its own JVM: {@code <first|resume> <checkpoint storage> <restore path>
   * <output directory> <signal directory>}. Counts the inputs per key and writes {@code <key>
   * <count so far>} per input into a FileSink.
   */
  public static final class CountingJob {
    private CountingJob() {}

    public static void main(String[] args) throws Exception {
      boolean resume = args[0].equals("resume");
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      env.enableCheckpointing(Duration.ofMillis(50));
      env.getCheckpointConfig().setCheckpointStorage(Path.of(args[1]));
      if (resume) {
        env.restoreFrom(Path.of(args[2]));
      }
      int rate = resume ? EVENTS_PER_SECOND : FIRST_RUN_EVENTS_PER_SECOND;
      env.fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(rate), Long.class),
              WatermarkStrategy.noWatermarks(), "numbers")
          .uid("numbers")
          .map(new BlockingSnapshot(args[4], !resume))
          .uid("blocking snapshot")
          .keyBy(value -> value % KEYS)
          .process(new CountPerKey())
          .uid("count per key")
          .sinkTo(FileSink.forRowFormat(Path.of(args[3]), line -> line))
          .uid("file sink");
      env.execute("kill and resume");
    }
  }

  /**
   * Passes values through. Remembers in operator state the last checkpoint it snapshotted and,
   * when restored, writes that id into the file {@code restored}. In the first run, once the
   * file {@code block} exists, its snapshot writes {@code blocked-<checkpoint id>} and blocks
   * (until the JVM is killed; at most two minutes).
   */
  static final class BlockingSnapshot extends RichMapFunction<Long, Long> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final String signals;
    private final boolean block;
    private transient ListState<Long> lastCheckpoint;

    BlockingSnapshot(String signals, boolean block) {
      this.signals = signals;
      this.block = block;
    }

    @Override
    public Long map(Long value) {
      return value;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      lastCheckpoint = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("last checkpoint", Long.class));
      if (context.isRestored()) {
        long restored = -1;
        for (Long id : lastCheckpoint.get()) {
          restored = Math.max(restored, id);
        }
        if (restored >= 0) { // a subtask may get no entry when the list state is redistributed
          Path temporary = Path.of(signals, ".restored-" + java.util.UUID.randomUUID());
          Files.writeString(temporary, Long.toString(restored));
          Files.move(temporary, Path.of(signals, "restored"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      if (block && new File(signals, "block").exists()) {
        try {
          Files.createFile(Path.of(signals, "blocked-" + context.getCheckpointId()));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // the other subtask blocks in the same checkpoint
        }
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
      }
      lastCheckpoint.update(List.of(context.getCheckpointId()));
    }
  }

  /** Counts each key's inputs and emits {@code <key> <count so far>} per input. */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      Long current = count.value();
      long next = (current == null ? 0 : current) + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + " " + next);
    }
  }
}

package io.millrace.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.JobClient;
import io.millrace.api.JobStatus;
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
import io.millrace.api.source.Boundedness;
import io.millrace.api.source.InputStatus;
import io.millrace.api.source.ReaderOutput;
import io.millrace.api.source.Source;
import io.millrace.api.source.SourceReader;
import io.millrace.api.source.SourceReaderContext;
import io.millrace.api.source.SourceSplit;
import io.millrace.api.source.SplitEnumerator;
import io.millrace.api.source.SplitEnumeratorContext;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Savepoints: a job runs half of its input, a savepoint is taken (or the job stops with one),
 * and a new environment restores it — at another parallelism, onto another state backend — and
 * processes the rest. Its output must be exactly that of a run without interruption.
 *
 * <p>The job: a {@link GatedSource} (split positions in the savepoint) emits the numbers
 * {@code 0..n-1} with their value as event timestamp and pauses in the middle of every split
 * until the test opens its gate; a {@link CountingMap} keeps a count in operator state
 * ({@link CheckpointedFunction}); {@link BucketSums} keeps per-key sums in ValueState and
 * per-bucket sums in MapState, and emits them from event-time timers (which fire at the end of
 * input, so the output does not depend on timing); a {@link FileSink} writes every line
 * exactly once.
 */
class SavepointTest {
  private static final int KEYS = 13;
  private static final long BUCKET = 500;
  private static final long TIMEOUT_SECONDS = 30;

  /** Per test, what the test and the copies of its functions share (the engine copies functions). */
  private static final Map<String, Control> CONTROLS = new ConcurrentHashMap<>();

  @TempDir
  Path tmp;

  // ---- restoring gives exactly the uninterrupted result ----

  static Stream<Arguments> restores() {
    return Stream.of(
        Arguments.of("parallelism 1 -> 4, heap", 1, heap(), 4, heap(), false),
        Arguments.of("parallelism 4 -> 2, RocksDB, stop-with-savepoint", 4, rocks(), 2, rocks(), true),
        Arguments.of("heap -> RocksDB, stop-with-savepoint", 2, heap(), 2, rocks(), true),
        Arguments.of("RocksDB -> heap, parallelism 2 -> 3", 2, rocks(), 3, heap(), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restores")
  void aRestoredJobFinishesWithExactlyTheResultOfAnUninterruptedRun(
      String name, int parallelismBefore, StateBackend backendBefore, int parallelismAfter, StateBackend backendAfter,
      boolean stop) throws Exception {
    long n = 20_000;
    Path output = tmp.resolve("output");
    Path savepoint = tmp.resolve("savepoint");
    Control control = Control.create(parallelismBefore);

    StreamExecutionEnvironment before = environment(parallelismBefore, backendBefore);
    pipeline(before, control.id, n, true, "before", output);
    JobClient first = before.executeAsync("savepoint-test");
    awaitPaused(control);
    if (stop) {
      assertThat(first.stopWithSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(savepoint);
      first.getJobExecutionResult().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    } else {
      assertThat(first.triggerSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(savepoint);
      first.cancel().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(savepoint.resolve("_metadata")).isRegularFile();

    StreamExecutionEnvironment after = environment(parallelismAfter, backendAfter);
    after.restoreFrom(savepoint);
    pipeline(after, control.id, n, false, "after", output);
    after.execute("savepoint-test");

    assertSameLines(committedLines(output), expectedLines(n));
    assertThat(control.counts.get("after"))
        .as("the operator state (a CheckpointedFunction's count) summed over the restored subtasks")
        .isEqualTo(n);
  }

  @Test
  void stopWithSavepointEndsTheJobFinishedAndTheResumedJobLosesAndDuplicatesNothing() throws Exception {
    long n = 10_000;
    Path output = tmp.resolve("output");
    Path savepoint = tmp.resolve("savepoint");
    Control control = Control.create(2);

    StreamExecutionEnvironment before = environment(2, heap());
    pipeline(before, control.id, n, true, "before", output);
    JobClient first = before.executeAsync("savepoint-test");
    awaitPaused(control);
    first.stopWithSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    first.getJobExecutionResult().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(first.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

    // What the stopped job committed: every element up to the pause, once; and no end-of-input
    // output (the Long.MAX_VALUE and bucket timers did not fire).
    List<String> stoppedOutput = committedLines(output);
    assertSameLines(stoppedOutput, elementLines(firstHalves(n, 2)));

    StreamExecutionEnvironment after = environment(2, heap());
    after.restoreFrom(savepoint);
    pipeline(after, control.id, n, false, "after", output);
    after.execute("savepoint-test");

    assertSameLines(committedLines(output), expectedLines(n));
  }

  @Test
  void triggerSavepointLeavesTheJobRunningAndItsResultUnchanged() throws Exception {
    long n = 10_000;
    Path output = tmp.resolve("output");
    Path savepoint = tmp.resolve("savepoint");
    Control control = Control.create(2);

    StreamExecutionEnvironment env = environment(2, rocks());
    pipeline(env, control.id, n, true, "run", output);
    JobClient client = env.executeAsync("savepoint-test");
    awaitPaused(control);
    client.triggerSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    assertThat(savepoint.resolve("_metadata")).isRegularFile();
    control.gate.complete(null);
    client.getJobExecutionResult().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
    assertSameLines(committedLines(output), expectedLines(n));
    assertThat(control.counts.get("run")).isEqualTo(n);
  }

  // ---- restoring what does not fit ----

  @Test
  void restoringASavepointOfAJobWithOtherUidsFailsNamingTheOrphanStateUnlessAllowed() throws Exception {
    long n = 2_000;
    Path savepoint = takeSavepoint(n);

    StreamExecutionEnvironment strict = environment(2, heap());
    strict.restoreFrom(savepoint);
    pipeline(strict, Control.create(2).id, n, false, "strict", tmp.resolve("strict"), "other-");
    assertThatThrownBy(() -> strict.executeAsync("savepoint-test"))
        .hasMessageContaining(savepoint.toString())
        .hasMessageContaining("operators this job does not have: [count, sink, source, sums]")
        .hasMessageContaining("restoreFrom(path, true)");

    Control control = Control.create(2);
    Path output = tmp.resolve("lenient");
    StreamExecutionEnvironment lenient = environment(2, heap());
    lenient.restoreFrom(savepoint, true);
    pipeline(lenient, control.id, n, false, "lenient", output, "other-");
    lenient.execute("savepoint-test");
    // Nothing was restored: the job processed its whole input from scratch.
    assertSameLines(committedLines(output), expectedLines(n));
    assertThat(control.counts.get("lenient")).isEqualTo(n);
  }

  @Test
  void restoringFromAMissingPathFailsNamingIt() {
    Path missing = tmp.resolve("no-such-savepoint");
    StreamExecutionEnvironment env = environment(2, heap());
    env.restoreFrom(missing);
    pipeline(env, Control.create(2).id, 100, false, "run", tmp.resolve("output"));
    assertThatThrownBy(() -> env.executeAsync("savepoint-test"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot restore from " + missing)
        .hasMessageContaining("it does not exist");
  }

  @Test
  void restoringFromACorruptMetadataFileFailsNamingIt() throws Exception {
    Path savepoint = takeSavepoint(2_000);
    Path metadata = savepoint.resolve("_metadata");
    String json = Files.readString(metadata);
    // Change one recorded checkpoint id digit: still valid JSON, the checksum no longer matches.
    Files.writeString(metadata, json.replaceFirst("\"checkpointId\" : (\\d)", "\"checkpointId\" : 9$1"));
    assertThat(Files.readString(metadata)).isNotEqualTo(json);

    StreamExecutionEnvironment env = environment(2, heap());
    env.restoreFrom(savepoint);
    pipeline(env, Control.create(2).id, 2_000, false, "run", tmp.resolve("output"));
    assertThatThrownBy(() -> env.executeAsync("savepoint-test"))
        .hasMessageContaining(metadata.toString())
        .hasMessageContaining("checksum mismatch");

    Files.write(metadata, java.util.Arrays.copyOf(json.getBytes(StandardCharsets.UTF_8), json.length() / 2));
    StreamExecutionEnvironment again = environment(2, heap());
    again.restoreFrom(savepoint);
    pipeline(again, Control.create(2).id, 2_000, false, "run", tmp.resolve("output"));
    assertThatThrownBy(() -> again.executeAsync("savepoint-test"))
        .hasMessageContaining(metadata.toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void restoringFromATruncatedStateFileFailsNamingIt() throws Exception {
    Path savepoint = takeSavepoint(2_000);
    Path largest;
    try (Stream<Path> files = Files.list(savepoint)) {
      largest = files.filter(file -> !file.getFileName().toString().equals("_metadata"))
          .max(Comparator.comparingLong(SavepointTest::size))
          .orElseThrow();
    }
    long size = Files.size(largest);
    try (FileChannel channel = FileChannel.open(largest, StandardOpenOption.WRITE)) {
      channel.truncate(size / 2);
    }

    StreamExecutionEnvironment env = environment(2, heap());
    env.restoreFrom(savepoint);
    pipeline(env, Control.create(2).id, 2_000, false, "run", tmp.resolve("output"));
    assertThatThrownBy(() -> env.executeAsync("savepoint-test"))
        .hasMessageContaining(largest.toString())
        .hasMessageContaining("size " + size / 2 + " bytes, the metadata recorded " + size);
  }

  @Test
  void aSavepointIntoANonEmptyDirectoryFailsAndTheJobGoesOn() throws Exception {
    Path directory = Files.createDirectories(tmp.resolve("savepoint"));
    Files.writeString(directory.resolve("notes.txt"), "not a savepoint");
    Control control = Control.create(2);
    StreamExecutionEnvironment env = environment(2, heap());
    pipeline(env, control.id, 2_000, true, "run", tmp.resolve("output"));
    JobClient client = env.executeAsync("savepoint-test");
    awaitPaused(control);

    assertThatThrownBy(() -> client.triggerSavepoint(directory).get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("savepoint directory " + directory + " is not empty");
    assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(directory.resolve("notes.txt"));
    }
    control.gate.complete(null);
    client.getJobExecutionResult().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  // ---- the job ----

  private static StateBackend heap() {
    return new HashMapStateBackend();
  }

  private static StateBackend rocks() {
    return new EmbeddedRocksDBStateBackend(false);
  }

  private static StreamExecutionEnvironment environment(int parallelism, StateBackend backend) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setStateBackend(backend);
    return env;
  }

  private static void pipeline(
      StreamExecutionEnvironment env, String control, long n, boolean gated, String run, Path output) {
    pipeline(env, control, n, gated, run, output, "");
  }

  /** Adds the job; {@code uidPrefix} makes it "a different job" for the savepoint. */
  private static void pipeline(
      StreamExecutionEnvironment env, String control, long n, boolean gated, String run, Path output,
      String uidPrefix) {
    env.fromSource(new GatedSource(control, n, gated),
            WatermarkStrategy.<Long>noWatermarks().withTimestampAssigner((value, previous) -> value), "numbers")
        .uid(uidPrefix + "source")
        .map(new CountingMap(control, run))
        .uid(uidPrefix + "count")
        .keyBy(value -> value % KEYS)
        .process(new BucketSums())
        .uid(uidPrefix + "sums")
        .sinkTo(FileSink.forRowFormat(output, line -> line))
        .uid(uidPrefix + "sink");
  }

  /** Runs a job at parallelism 2 until its sources pause and stops it with a savepoint. */
  private Path takeSavepoint(long n) throws Exception {
    Path savepoint = tmp.resolve("savepoint");
    Control control = Control.create(2);
    StreamExecutionEnvironment env = environment(2, heap());
    pipeline(env, control.id, n, true, "before", tmp.resolve("output-before"));
    JobClient client = env.executeAsync("savepoint-test");
    awaitPaused(control);
    client.stopWithSavepoint(savepoint).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    client.getJobExecutionResult().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return savepoint;
  }

  private static void awaitPaused(Control control) throws InterruptedException {
    assertThat(control.paused.await(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .as("every source split reached its pause").isTrue();
  }

  // ---- expected output: a sequential reference ----

  /** The lines of a run without interruption over {@code 0..n-1}. */
  private static List<String> expectedLines(long n) {
    List<Long> all = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      all.add(i);
    }
    List<String> lines = elementLines(all);
    Map<Long, Long> sums = new TreeMap<>();
    Map<Long, TreeMap<Long, Long>> buckets = new TreeMap<>();
    for (long i = 0; i < n; i++) {
      sums.merge(i % KEYS, i, Long::sum);
      buckets.computeIfAbsent(i % KEYS, k -> new TreeMap<>()).merge(bucketEnd(i), i, Long::sum);
    }
    buckets.forEach((key, byEnd) -> byEnd.forEach((end, sum) -> lines.add("bucket," + key + "," + end + "," + sum)));
    sums.forEach((key, sum) -> lines.add("total," + key + "," + sum + "," + buckets.get(key).size()));
    return lines;
  }

  private static List<String> elementLines(List<Long> values) {
    List<String> lines = new ArrayList<>();
    for (long value : values) {
      lines.add("element," + value);
    }
    return lines;
  }

  /** What {@link GatedSource} emits before its pause at the given parallelism. */
  private static List<Long> firstHalves(long n, int parallelism) {
    List<Long> values = new ArrayList<>();
    for (GatedSplit split : GatedSplit.split(n, parallelism)) {
      for (long i = split.next; i < split.pauseAt; i++) {
        values.add(i);
      }
    }
    return values;
  }

  private static long bucketEnd(long timestamp) {
    return timestamp / BUCKET * BUCKET + BUCKET - 1;
  }

  /** The lines of the committed (visible) part files in {@code directory}. */
  private static List<String> committedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** Asserts the same lines, each as often, in any order; a failure lists the differences briefly. */
  private static void assertSameLines(List<String> actual, List<String> expected) {
    Map<String, Integer> difference = new HashMap<>();
    actual.forEach(line -> difference.merge(line, 1, Integer::sum));
    expected.forEach(line -> difference.merge(line, -1, Integer::sum));
    difference.values().removeIf(count -> count == 0);
    Map<String, Integer> sample = new TreeMap<>();
    difference.entrySet().stream().limit(20).forEach(e -> sample.put(e.getKey(), e.getValue()));
    assertThat(difference.size())
        .as("lines written more (+) or less (-) often than expected (%d lines, %d expected); for example %s",
            actual.size(), expected.size(), sample)
        .isZero();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- functions ----

  /** What a test shares with the engine's copies of its functions. */
  static final class Control {
    final String id = UUID.randomUUID().toString();
    /** Counted down once per split when the source pauses in its middle. */
    final CountDownLatch paused;
    /** Completed by the test to let a paused source go on. */
    final CompletableFuture<Void> gate = new CompletableFuture<>();
    /** The operator-state counts per run, summed over subtasks when they close. */
    final Map<String, Long> counts = new ConcurrentHashMap<>();

    private Control(int splits) {
      paused = new CountDownLatch(splits);
    }

    static Control create(int splits) {
      Control control = new Control(splits);
      CONTROLS.put(control.id, control);
      return control;
    }

    static Control get(String id) {
      return CONTROLS.get(id);
    }
  }

  /** A range {@code [next, end)} of numbers whose reader pauses at {@code pauseAt} while gated. */
  static final class GatedSplit implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;
    final String id;
    final long end;
    final long pauseAt;
    long next;
    boolean pauseReported;

    GatedSplit(String id, long next, long end, long pauseAt) {
      this.id = id;
      this.next = next;
      this.end = end;
      this.pauseAt = pauseAt;
    }

    @Override
    public String splitId() {
      return id;
    }

    GatedSplit copy() {
      GatedSplit copy = new GatedSplit(id, next, end, pauseAt);
      copy.pauseReported = pauseReported;
      return copy;
    }

    /** {@code [0, n)} in {@code parts} ranges, each pausing in its middle. */
    static List<GatedSplit> split(long n, int parts) {
      List<GatedSplit> splits = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        long from = n * i / parts;
        long end = n * (i + 1) / parts;
        splits.add(new GatedSplit(String.valueOf(i), from, end, from + (end - from) / 2));
      }
      return splits;
    }
  }

  /**
   * Emits {@code 0..n-1}, one split per parallel instance. While {@code gated}, each reader
   * stops in the middle of its split (counting the control's latch down) until the control's
   * gate opens; not gated (the restored job) it reads to the end.
   */
  static final class GatedSource implements Source<Long, GatedSplit, ArrayList<GatedSplit>> {
    private static final long serialVersionUID = 1L;
    private final String control;
    private final long n;
    private final boolean gated;

    GatedSource(String control, long n, boolean gated) {
      this.control = control;
      this.n = n;
      this.gated = gated;
    }

    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<GatedSplit, ArrayList<GatedSplit>> createEnumerator(
        SplitEnumeratorContext<GatedSplit> context) {
      return new Enumerator(context, GatedSplit.split(n, context.currentParallelism()));
    }

    @Override
    public SplitEnumerator<GatedSplit, ArrayList<GatedSplit>> restoreEnumerator(
        SplitEnumeratorContext<GatedSplit> context, ArrayList<GatedSplit> checkpoint) {
      return new Enumerator(context, checkpoint);
    }

    @Override
    public SourceReader<Long, GatedSplit> createReader(SourceReaderContext context) {
      return new Reader(context, gated ? Control.get(control) : null);
    }

    private static final class Enumerator implements SplitEnumerator<GatedSplit, ArrayList<GatedSplit>> {
      private final SplitEnumeratorContext<GatedSplit> context;
      private final Deque<GatedSplit> unassigned;

      Enumerator(SplitEnumeratorContext<GatedSplit> context, List<GatedSplit> splits) {
        this.context = context;
        this.unassigned = new ArrayDeque<>(splits);
      }

      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {
        GatedSplit split = unassigned.poll();
        if (split != null) {
          context.assignSplit(split, subtaskId);
        } else {
          context.signalNoMoreSplits(subtaskId);
        }
      }

      @Override
      public void addSplitsBack(List<GatedSplit> splits, int subtaskId) {
        splits.forEach(unassigned::addFirst);
      }

      @Override
      public void addReader(int subtaskId) {}

      @Override
      public ArrayList<GatedSplit> snapshotState(long checkpointId) {
        ArrayList<GatedSplit> copy = new ArrayList<>();
        unassigned.forEach(split -> copy.add(split.copy()));
        return copy;
      }

      @Override
      public void close() {}
    }

    private static final class Reader implements SourceReader<Long, GatedSplit> {
      private final SourceReaderContext context;
      /** Null when not gated. */
      private final Control control;
      private final Deque<GatedSplit> splits = new ArrayDeque<>();
      private boolean noMoreSplits;
      private CompletableFuture<Void> availability = new CompletableFuture<>();

      Reader(SourceReaderContext context, Control control) {
        this.context = context;
        this.control = control;
      }

      @Override
      public void start() {
        context.sendSplitRequest();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<Long> output) {
        GatedSplit split = splits.peek();
        if (split == null) {
          if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
          }
          if (availability.isDone()) {
            availability = new CompletableFuture<>();
          }
          return InputStatus.NOTHING_AVAILABLE;
        }
        long limit = Math.min(split.end, split.next + 256);
        if (control != null && !control.gate.isDone()) {
          if (split.next >= split.pauseAt) {
            if (!split.pauseReported) {
              split.pauseReported = true;
              control.paused.countDown();
            }
            availability = control.gate;
            return InputStatus.NOTHING_AVAILABLE;
          }
          limit = Math.min(limit, split.pauseAt);
        }
        for (; split.next < limit; split.next++) {
          output.collect(split.next);
        }
        if (split.next == split.end) {
          splits.poll();
          context.sendSplitRequest();
        }
        return InputStatus.MORE_AVAILABLE;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        return availability;
      }

      @Override
      public void addSplits(List<GatedSplit> newSplits) {
        splits.addAll(newSplits);
        availability.complete(null);
      }

      @Override
      public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
      }

      @Override
      public List<GatedSplit> snapshotState(long checkpointId) {
        List<GatedSplit> copy = new ArrayList<>();
        splits.forEach(split -> copy.add(split.copy()));
        return copy;
      }

      @Override
      public void close() {}
    }
  }

  /**
   * Passes values through, counting them in operator state (a {@link CheckpointedFunction}); at
   * close adds its count to the control's count of its run, so the test sees the sum over
   * subtasks, restored counts included.
   */
  static final class CountingMap extends RichMapFunction<Long, Long> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private final String control;
    private final String run;
    private transient ListState<Long> saved;
    private transient long count;

    CountingMap(String control, String run) {
      this.control = control;
      this.run = run;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      saved = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Long.class));
      for (long restored : saved.get()) {
        count += restored;
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      saved.update(List.of(count));
    }

    @Override
    public Long map(Long value) {
      count++;
      return value;
    }

    @Override
    public void close() {
      Control.get(control).counts.merge(run, count, Long::sum);
    }
  }

  /**
   * Per key: the sum in ValueState, per bucket of event time the sum in MapState with an
   * event-time timer at the bucket's end, and a Long.MAX_VALUE timer for the total. Emits a
   * line per element at once; bucket and total lines when the timers fire (at the end of input).
   */
  static final class BucketSums extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> sum;
    private transient ValueState<Long> firedBuckets;
    private transient MapState<Long, Long> buckets;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
      firedBuckets = getRuntimeContext().getState(new ValueStateDescriptor<>("fired", Long.class));
      buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Long.class, Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      Long current = sum.value();
      if (current == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      }
      sum.update((current == null ? 0 : current) + value);
      long end = bucketEnd(ctx.timestamp());
      Long bucket = buckets.get(end);
      buckets.put(end, (bucket == null ? 0 : bucket) + value);
      ctx.timerService().registerEventTimeTimer(end);
      out.collect("element," + value);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      Long fired = firedBuckets.value();
      if (timestamp == Long.MAX_VALUE) {
        out.collect("total," + ctx.getCurrentKey() + "," + sum.value() + "," + (fired == null ? 0 : fired));
        return;
      }
      out.collect("bucket," + ctx.getCurrentKey() + "," + timestamp + "," + buckets.get(timestamp));
      buckets.remove(timestamp);
      firedBuckets.update((fired == null ? 0 : fired) + 1);
    }
  }
}

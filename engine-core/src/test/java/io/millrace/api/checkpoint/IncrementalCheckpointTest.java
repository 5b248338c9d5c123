package io.millrace.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millrace.api.JobClient;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
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
import io.millrace.runtime.execution.CheckpointStats;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental RocksDB checkpoints: a checkpoint after a few changes to a large state writes
 * little, shared files no retained checkpoint uses are deleted, and a restore from an
 * incremental checkpoint gives the exact state.
 *
 * <p>The job keeps a 100-character payload per key in ValueState. Its {@link PhasedSource}
 * emits the updates of one phase after another (a phase: keys {@code [from, to)} get version
 * {@code v}); after each phase it waits until a checkpoint taken after the phase completed,
 * reports that checkpoint's id to the test and waits for the test to let it go on. The last
 * phase is a probe: one record per key, answered with the key's version and payload hash; the
 * first job never reaches it, the restored one starts there.
 */
class IncrementalCheckpointTest {
  private static final int PAYLOAD_LENGTH = 100;
  private static final long TIMEOUT_SECONDS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Control> CONTROLS = new ConcurrentHashMap<>();

  @TempDir
  Path tmp;

  @Test
  void aCheckpointAfterAFewChangesToALargeStateWritesUnderATenthOfTheFirst() throws Exception {
    int keys = 100_000;
    List<Phase> phases = List.of(new Phase(0, keys, 0), new Phase(0, 100, 1), Phase.probe(keys));
    Control control = Control.create(phases.size());
    // A checkpoint flushes RocksDB's memtable into a new level-0 SST, and the fourth level-0
    // file triggers a compaction that rewrites the whole state into new files, which the next
    // checkpoint must upload in full (rightly). So checkpoints are rare enough here for the
    // load to land in one or two files (it takes well under the interval), leaving the 100
    // changes a file of their own without a compaction.
    StreamExecutionEnvironment env = environment(Duration.ofSeconds(1), 1_000);
    pipeline(env, control.id, phases, true, tmp.resolve("output"));
    JobClient client = env.executeAsync("incremental");
    LocalJob job = ((LocalJobClient) client).job();

    long loaded = control.checkpointed(0);
    Path jobDirectory = job.checkpointDirectory();
    CheckpointFiles loadFiles = CheckpointFiles.of(jobDirectory.resolve("chk-" + loaded));
    control.proceed(0);
    long changed = control.checkpointed(1);
    CheckpointFiles changeFiles = CheckpointFiles.of(jobDirectory.resolve("chk-" + changed));
    client.cancel().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    // What the second checkpoint wrote: its own files (RocksDB's MANIFEST, OPTIONS, ...; the
    // operator state) plus the shared SST files the first did not have. The first wrote all of
    // its files. checkpointStats() counts own files only (the shared SSTs go into shared/
    // through CheckpointStorage, not through the task's writes), so it cannot show the
    // difference: it is checked separately below, and the comparison uses the metadata.
    long firstBytes = loadFiles.ownBytes() + loadFiles.sharedBytes(Set.of());
    long secondBytes = changeFiles.ownBytes() + changeFiles.sharedBytes(loadFiles.shared().keySet());
    assertThat(loadFiles.sharedBytes(Set.of()))
        .as("the loaded state (%d keys x %d bytes) is in shared SST files", keys, PAYLOAD_LENGTH)
        .isGreaterThan(keys * (long) PAYLOAD_LENGTH / 4);
    assertThat(secondBytes)
        .as("bytes new in checkpoint %d (after 100 changed keys) vs all bytes of checkpoint %d", changed, loaded)
        .isLessThanOrEqualTo(firstBytes / 10);
    Map<Long, CheckpointStats> stats = new HashMap<>();
    job.checkpointStats().forEach(s -> stats.put(s.checkpointId(), s));
    assertThat(stats.get(loaded).bytes()).isEqualTo(loadFiles.ownBytes());
    assertThat(stats.get(changed).bytes()).isEqualTo(changeFiles.ownBytes());
  }

  @Test
  void sharedFilesNoRetainedCheckpointUsesAreDeletedAndTheLatestRestoresExactly() throws Exception {
    int keys = 20_000;
    List<Phase> phases = new ArrayList<>();
    for (int version = 0; version < 6; version++) {
      phases.add(new Phase(0, keys, version)); // rewrites every key: new SSTs, compactions
    }
    phases.add(new Phase(0, 50, 6));
    phases.add(Phase.probe(keys));
    int lastUpdate = phases.size() - 2;
    Control control = Control.create(phases.size());
    Path output = tmp.resolve("output");
    StreamExecutionEnvironment env = environment(Duration.ofMillis(30), 1);
    pipeline(env, control.id, phases, true, output);
    JobClient client = env.executeAsync("incremental");
    Path jobDirectory = ((LocalJobClient) client).job().checkpointDirectory();
    Path shared = jobDirectory.resolve("shared");

    control.checkpointed(0);
    // Nothing is written while the source waits: shared/ holds the SSTs of the loaded state.
    Set<String> loadedFiles = new TreeSet<>(list(shared));
    loadedFiles.removeIf(name -> name.endsWith(".inprogress")); // a copy under way, if any
    assertThat(loadedFiles).isNotEmpty();
    control.proceed(0);
    for (int phase = 1; phase < lastUpdate; phase++) {
      control.checkpointed(phase);
      control.proceed(phase);
    }
    control.checkpointed(lastUpdate);
    // Cancelling stops checkpointing and aborts what is in progress; the checkpoints stay.
    client.cancel().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    List<String> retained = list(jobDirectory).stream().filter(name -> name.startsWith("chk-")).toList();
    assertThat(retained).as("with one retained checkpoint").hasSize(1);
    CheckpointFiles latest = CheckpointFiles.of(jobDirectory.resolve(retained.get(0)));
    assertThat(new TreeSet<>(list(shared)))
        .as("shared/ holds exactly the files the retained checkpoint references")
        .isEqualTo(latest.shared().keySet());
    loadedFiles.removeAll(latest.shared().keySet());
    assertThat(loadedFiles)
        .as("SSTs of the first checkpoint that compactions replaced: deleted once no retained checkpoint used them")
        .isNotEmpty()
        .allSatisfy(name -> assertThat(shared.resolve(name)).doesNotExist());

    StreamExecutionEnvironment restored = environment(Duration.ofMillis(30), 1);
    restored.restoreFrom(jobDirectory);
    pipeline(restored, control.id, phases, false, output);
    restored.execute("incremental");

    Map<Integer, String> expected = new TreeMap<>();
    for (Phase phase : phases.subList(0, lastUpdate + 1)) {
      for (int key = phase.from(); key < phase.to(); key++) {
        String payload = payload(key, phase.version());
        expected.put(key, key + "," + phase.version() + "," + payload.hashCode());
      }
    }
    Map<Integer, String> actual = new TreeMap<>();
    for (String line : committedLines(output)) {
      int key = Integer.parseInt(line.substring(0, line.indexOf(',')));
      assertThat(actual.put(key, line)).as("key %d answered once", key).isNull();
    }
    assertThat(actual.size()).isEqualTo(keys);
    assertThat(actual).isEqualTo(expected);
  }

  // ---- the job ----

  private static StreamExecutionEnvironment environment(Duration interval, int retained) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setStateBackend(new EmbeddedRocksDBStateBackend(true));
    env.enableCheckpointing(interval);
    env.getCheckpointConfig().setNumRetainedCheckpoints(retained);
    return env;
  }

  private void pipeline(StreamExecutionEnvironment env, String control, List<Phase> phases, boolean gated, Path output)
      throws IOException {
    env.getCheckpointConfig().setCheckpointStorage(Files.createDirectories(tmp.resolve("checkpoints")));
    env.fromSource(new PhasedSource(control, phases, gated), WatermarkStrategy.noWatermarks(), "updates")
        .uid("updates")
        .keyBy(line -> Integer.parseInt(line.substring(0, line.indexOf('|'))))
        .process(new Payloads())
        .uid("payloads")
        .sinkTo(FileSink.forRowFormat(output, line -> line))
        .uid("sink");
  }

  /** Deterministic 100 random characters for {@code key} at {@code version}. */
  static String payload(int key, int version) {
    SplittableRandom random = new SplittableRandom(key * 1_000_003L + version);
    char[] chars = new char[PAYLOAD_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ('!' + random.nextInt(94));
    }
    return new String(chars);
  }

  private static List<String> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> committedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String name : list(directory)) {
      if (name.startsWith("part-")) {
        lines.addAll(Files.readAllLines(directory.resolve(name), StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** The files a checkpoint's {@code _metadata} lists: its own (name → size) and the shared ones. */
  record CheckpointFiles(Map<String, Long> own, Map<String, Long> shared) {
    static CheckpointFiles of(Path checkpoint) throws IOException {
      JsonNode operators = JSON.readTree(checkpoint.resolve("_metadata").toFile()).get("checkpoint").get("operators");
      Map<String, Long> own = new TreeMap<>();
      Map<String, Long> shared = new TreeMap<>();
      for (JsonNode operator : operators) {
        for (JsonNode subtask : operator.get("subtasks")) {
          subtask.get("files").forEach(file -> own.put(file.get("name").asText(), file.get("size").asLong()));
          subtask.get("sharedFiles").forEach(file -> shared.put(file.get("name").asText(), file.get("size").asLong()));
        }
      }
      // The metadata's sizes are those of the files on disk.
      for (Map.Entry<String, Long> file : own.entrySet()) {
        assertThat(Files.size(checkpoint.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
      }
      for (Map.Entry<String, Long> file : shared.entrySet()) {
        assertThat(Files.size(checkpoint.resolveSibling("shared").resolve(file.getKey())))
            .as(file.getKey()).isEqualTo(file.getValue());
      }
      return new CheckpointFiles(own, shared);
    }

    long ownBytes() {
      return own.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The bytes of the shared files not in {@code earlier}. */
    long sharedBytes(Set<String> earlier) {
      return shared.entrySet().stream()
          .filter(file -> !earlier.contains(file.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }

  /** Keys {@code [from, to)} get version {@code version}; a negative version probes them. */
  record Phase(int from, int to, int version) implements Serializable {
    static Phase probe(int keys) {
      return new Phase(0, keys, -1);
    }
  }

  /** What a test shares with the engine's copies of its source. */
  static final class Control {
    final String id = UUID.randomUUID().toString();
    /** Per phase: completed with the id of a completed checkpoint taken after it. */
    final List<CompletableFuture<Long>> checkpointed = new ArrayList<>();
    /** Per phase: completed by the test to let the source go on to the next. */
    final List<CompletableFuture<Void>> gates = new ArrayList<>();

    static Control get(String id) {
      return CONTROLS.get(id);
    }

    static Control create(int phases) {
      Control control = new Control();
      for (int i = 0; i < phases; i++) {
        control.checkpointed.add(new CompletableFuture<>());
        control.gates.add(new CompletableFuture<>());
      }
      CONTROLS.put(control.id, control);
      return control;
    }

    long checkpointed(int phase) throws Exception {
      return checkpointed.get(phase).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void proceed(int phase) {
      gates.get(phase).complete(null);
    }
  }

  /** The source's position: the phase and the next key in it. */
  static final class Position implements SourceSplit, Serializable {
    private static final long serialVersionUID = 1L;
    int phase;
    int next;
    /** Set when the current phase ended: the first checkpoint taken after it, or 0. */
    long checkpointAfter;
    boolean ended;

    Position copy() {
      Position copy = new Position();
      copy.phase = phase;
      copy.next = next;
      copy.checkpointAfter = checkpointAfter;
      copy.ended = ended;
      return copy;
    }

    @Override
    public String splitId() {
      return "phases";
    }
  }

  /**
   * Emits {@code "key|version|payload"} per key of each phase ({@code "key|?"} for the probe);
   * while gated, waits after each phase as the class comment says. One split, parallelism 1.
   */
  static final class PhasedSource implements Source<String, Position, ArrayList<Position>> {
    private static final long serialVersionUID = 1L;
    private final String control;
    private final List<Phase> phases;
    private final boolean gated;

    PhasedSource(String control, List<Phase> phases, boolean gated) {
      this.control = control;
      this.phases = List.copyOf(phases);
      this.gated = gated;
    }

    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Position, ArrayList<Position>> createEnumerator(SplitEnumeratorContext<Position> context) {
      return new Enumerator(context, new ArrayList<>(List.of(new Position())));
    }

    @Override
    public SplitEnumerator<Position, ArrayList<Position>> restoreEnumerator(
        SplitEnumeratorContext<Position> context, ArrayList<Position> checkpoint) {
      return new Enumerator(context, checkpoint);
    }

    @Override
    public SourceReader<String, Position> createReader(SourceReaderContext context) {
      return new Reader(context);
    }

    private static final class Enumerator implements SplitEnumerator<Position, ArrayList<Position>> {
      private final SplitEnumeratorContext<Position> context;
      private final ArrayList<Position> unassigned;

      Enumerator(SplitEnumeratorContext<Position> context, ArrayList<Position> unassigned) {
        this.context = context;
        this.unassigned = unassigned;
      }

      @Override
      public void start() {}

      @Override
      public void handleSplitRequest(int subtaskId) {
        if (unassigned.isEmpty()) {
          context.signalNoMoreSplits(subtaskId);
        } else {
          context.assignSplit(unassigned.remove(0), subtaskId);
        }
      }

      @Override
      public void addSplitsBack(List<Position> splits, int subtaskId) {
        unassigned.addAll(0, splits);
      }

      @Override
      public void addReader(int subtaskId) {}

      @Override
      public ArrayList<Position> snapshotState(long checkpointId) {
        ArrayList<Position> copy = new ArrayList<>();
        unassigned.forEach(position -> copy.add(position.copy()));
        return copy;
      }

      @Override
      public void close() {}
    }

    private final class Reader implements SourceReader<String, Position> {
      private final SourceReaderContext context;
      private Position position;
      private boolean noMoreSplits;
      private CompletableFuture<Void> availability = new CompletableFuture<>();

      Reader(SourceReaderContext context) {
        this.context = context;
      }

      @Override
      public void start() {
        context.sendSplitRequest();
      }

      @Override
      public InputStatus pollNext(ReaderOutput<String> output) {
        if (position == null || position.ended) {
          if (noMoreSplits || (position != null && position.ended)) {
            return InputStatus.END_OF_INPUT;
          }
          return nothingAvailable();
        }
        Phase phase = phases.get(position.phase);
        if (position.next == phase.to()) {
          if (gated) {
            if (position.checkpointAfter >= 0) {
              return nothingAvailable(); // waiting for a checkpoint after the phase to complete
            }
            CompletableFuture<Void> gate = Control.get(control).gates.get(position.phase);
            if (!gate.isDone()) {
              availability = gate;
              return InputStatus.NOTHING_AVAILABLE;
            }
          }
          if (position.phase + 1 == phases.size()) {
            position.ended = true;
            return InputStatus.END_OF_INPUT;
          }
          position.phase++;
          position.next = phases.get(position.phase).from();
          position.checkpointAfter = 0;
          return InputStatus.MORE_AVAILABLE;
        }
        int limit = Math.min(phase.to(), position.next + 512);
        for (; position.next < limit; position.next++) {
          output.collect(phase.version() < 0
              ? position.next + "|?"
              : position.next + "|" + phase.version() + "|" + payload(position.next, phase.version()));
        }
        return InputStatus.MORE_AVAILABLE;
      }

      private InputStatus nothingAvailable() {
        if (availability.isDone()) {
          availability = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
      }

      @Override
      public CompletableFuture<Void> isAvailable() {
        return availability;
      }

      @Override
      public void addSplits(List<Position> splits) {
        position = splits.get(0);
        availability.complete(null);
      }

      @Override
      public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
      }

      @Override
      public List<Position> snapshotState(long checkpointId) {
        if (position == null) {
          return List.of();
        }
        if (gated && position.next == phases.get(position.phase).to() && position.checkpointAfter == 0) {
          position.checkpointAfter = checkpointId;
        }
        return List.of(position.copy());
      }

      @Override
      public void notifyCheckpointComplete(long checkpointId) {
        if (position != null && position.checkpointAfter > 0 && checkpointId >= position.checkpointAfter) {
          Control.get(control).checkpointed.get(position.phase).complete(checkpointId);
          position.checkpointAfter = -1; // reported: now the gate
          availability.complete(null);
        }
      }

      @Override
      public void close() {}
    }
  }

  /** Keeps each key's latest {@code "version|payload"}; answers a probe with version and payload hash. */
  static final class Payloads extends KeyedProcessFunction<Integer, String, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<String> latest;

    @Override
    public void open(OpenContext context) {
      latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", String.class));
    }

    @Override
    public void processElement(String line, Context ctx, Collector<String> out) throws Exception {
      String[] parts = line.split("\\|", 3);
      if (parts[1].equals("?")) {
        String value = latest.value();
        if (value != null) {
          String[] stored = value.split("\\|", 2);
          out.collect(parts[0] + "," + stored[0] + "," + stored[1].hashCode());
        }
        return;
      }
      latest.update(parts[1] + "|" + parts[2]);
    }
  }
}

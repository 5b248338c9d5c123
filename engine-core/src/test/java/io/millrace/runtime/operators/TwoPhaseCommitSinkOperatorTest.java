package io.millrace.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.sink.FileSink;
import io.millrace.api.sink.FileSink.Transaction;
import io.millrace.api.sink.TwoPhaseCommitSink;
import io.millrace.runtime.operators.OperatorServices.JobFinishedAction;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.internal.OperatorStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.internal.snapshot.StateSnapshot;
import io.millrace.state.serialization.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-phase commit protocol of {@link TwoPhaseCommitSinkOperator}, driven by hand: barriers,
 * completions, aborts, end of input, failures and restores (also with another parallelism),
 * with a {@link FileSink} underneath whose visible files are the observable result.
 */
class TwoPhaseCommitSinkOperatorTest {
  private static final String NAME = "sink@4 (FileSink)";

  @TempDir Path tmp;

  /** The sink's calls, in order, across all subtasks of a test ("commit part-0-…"). */
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  /** The job-finished actions registered by the operators. */
  private final List<JobFinishedAction> jobFinishedActions = new ArrayList<>();
  private final List<Subtask> opened = new ArrayList<>();

  @AfterEach
  void closeBackends() {
    opened.forEach(s -> s.backend.close());
  }

  // ---------------------------------------------------------------- normal run

  @Test
  void dataBecomesVisibleOnlyWhenItsCheckpointCompletes() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a", "b");
    sink.checkpoint(1);
    sink.write("c");

    assertThat(visible()).isEmpty();
    sink.operator.notifyCheckpointComplete(1);
    assertThat(visible()).containsExactly("a\nb\n");

    sink.checkpoint(2);
    assertThat(visible()).containsExactly("a\nb\n");
    sink.operator.notifyCheckpointComplete(2);
    assertThat(visible()).containsExactlyInAnyOrder("a\nb\n", "c\n");
    assertThat(hidden()).hasSize(1).allMatch(name -> name.endsWith(".inprogress"));
  }

  @Test
  void checkpointWithoutDataCommitsNoFile() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.checkpoint(1);
    sink.operator.notifyCheckpointComplete(1);

    assertThat(visible()).isEmpty();
    assertThat(committed()).hasSize(1);
  }

  @Test
  void endOfInputCommitsOnlyWhenTheJobFinishedActionsRun() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    sink.checkpoint(1);
    sink.write("b");
    sink.checkpoint(2);
    sink.operator.notifyCheckpointComplete(1);
    sink.write("c");

    sink.operator.finish();
    sink.operator.close();
    assertThat(visible()).containsExactly("a\n");
    assertThat(jobFinishedActions).hasSize(1);

    runJobFinishedActions();
    assertThat(visible()).containsExactlyInAnyOrder("a\n", "b\n", "c\n");
    assertThat(hidden()).isEmpty();
  }

  @Test
  void aCheckpointAfterTheEndOfInputDoesNotCommitTheLastTransaction() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    sink.operator.finish();
    sink.checkpoint(1);
    sink.operator.notifyCheckpointComplete(1);
    assertThat(visible()).isEmpty();

    runJobFinishedActions();
    assertThat(visible()).containsExactly("a\n");
  }

  @Test
  void abortedCheckpointsTransactionIsCommittedByTheNextCompletedOne() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    Transaction first = sink.current();
    sink.checkpoint(1);
    sink.operator.notifyCheckpointAborted(1);
    assertThat(visible()).isEmpty();

    sink.write("b");
    Transaction second = sink.current();
    sink.checkpoint(2);
    sink.operator.notifyCheckpointComplete(2);

    assertThat(visible()).containsExactlyInAnyOrder("a\n", "b\n");
    assertThat(committed()).containsExactly(first.partName(), second.partName());
  }

  @Test
  void completionOfAnOlderCheckpointCommitsOnlyItsOwnTransactions() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    sink.checkpoint(1);
    sink.write("b");
    sink.checkpoint(2);

    sink.operator.notifyCheckpointComplete(1);
    assertThat(visible()).containsExactly("a\n");
    sink.operator.notifyCheckpointComplete(2);
    sink.operator.notifyCheckpointComplete(2);
    assertThat(visible()).containsExactlyInAnyOrder("a\n", "b\n");
    assertThat(committed()).hasSize(2);
  }

  // ---------------------------------------------------------------- failures and restores

  @Test
  void failureAfterPreCommitThenRestoreCommitsThePreCommittedDataOnceAndDropsTheOpenData() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a", "b");
    Path chk1 = sink.checkpoint(1);
    sink.write("c");
    sink.operator.close(); // the task failed: checkpoint 1 completed, but its notification never came
    assertThat(visible()).isEmpty();
    assertThat(hidden()).hasSize(1).allMatch(name -> name.endsWith(".pending"));

    Subtask restored = restore(0, 1, chk1);
    assertThat(visible()).containsExactly("a\nb\n");
    assertThat(hidden()).hasSize(1).allMatch(name -> name.endsWith(".inprogress")); // the new transaction

    restored.write("d");
    Path chk2 = restored.checkpoint(2);
    restored.operator.notifyCheckpointComplete(2);
    assertThat(visible()).containsExactlyInAnyOrder("a\nb\n", "d\n");

    calls.clear();
    restore(0, 1, chk2); // the first restore's commits are not in the new checkpoint
    assertThat(committed()).hasSize(1);
    assertThat(visible()).containsExactlyInAnyOrder("a\nb\n", "d\n");
  }

  @Test
  void crashWithoutCloseThenRestoreDeletesTheOpenTransactionsFile() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    Path chk1 = sink.checkpoint(1);
    sink.write("lost");
    Transaction open = sink.current();
    sink.flushForTest(); // a crash after the data reached the file: it must still not count

    Subtask restored = restore(0, 1, chk1);
    assertThat(visible()).containsExactly("a\n");
    assertThat(open.inProgressFile()).doesNotExist();
    assertThat(hidden()).containsExactly(restored.current().inProgressFile().getFileName().toString());
  }

  @Test
  void restoreFromACheckpointOlderThanTheNewestPreCommitAbortsTheNewerTransaction() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    Path chk1 = sink.checkpoint(1);
    sink.operator.notifyCheckpointComplete(1);
    sink.write("b");
    Transaction preCommittedAt2 = sink.current();
    sink.checkpoint(2); // pre-committed, but checkpoint 2 never completes
    sink.write("c");
    assertThat(preCommittedAt2.pendingFile()).exists();

    restore(0, 1, chk1);
    assertThat(visible()).containsExactly("a\n");
    assertThat(preCommittedAt2.pendingFile()).doesNotExist();
    assertThat(calls).contains("abort " + preCommittedAt2.partName());
  }

  @Test
  void restoreAfterTheJobFinishedButBeforeItsActionsRanCommitsTheLastTransaction() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    sink.operator.finish();
    Path chk1 = sink.checkpoint(1); // taken after the end of input: the last transaction is pending
    sink.operator.close();

    restore(0, 1, chk1);
    assertThat(visible()).containsExactly("a\n");
  }

  @Test
  void failureAfterTheEndOfInputAbortsTheLastTransactionOnRestore() throws Exception {
    Subtask sink = subtask(0, 1);
    sink.write("a");
    Path chk1 = sink.checkpoint(1);
    sink.write("b");
    sink.operator.finish(); // another task then fails: the job-finished actions never run
    sink.operator.close();

    restore(0, 1, chk1);
    assertThat(visible()).containsExactly("a\n");
    assertThat(hidden()).hasSize(1).allMatch(name -> name.endsWith(".inprogress"));
  }

  @Test
  void restoreWithLowerAndHigherParallelismCommitsEveryPendingTransactionExactlyOnce() throws Exception {
    List<String> pending = new ArrayList<>();
    List<String> open = new ArrayList<>();
    List<Path> chk2 = new ArrayList<>();
    for (int index = 0; index < 2; index++) {
      Subtask sink = subtask(index, 2);
      sink.write("s" + index + "-a");
      pending.add(sink.current().partName());
      sink.checkpoint(1);
      sink.write("s" + index + "-b");
      pending.add(sink.current().partName());
      chk2.add(sink.checkpoint(2));
      open.add(sink.current().partName());
      sink.write("s" + index + "-c");
      sink.operator.close();
    }
    List<String> expected = List.of("s0-a\n", "s0-b\n", "s1-a\n", "s1-b\n");

    for (int parallelism : new int[] {1, 3}) {
      calls.clear();
      for (int index = 0; index < parallelism; index++) {
        restore(index, parallelism, chk2.toArray(Path[]::new));
      }
      assertThat(committed()).as("commits at parallelism %d", parallelism).containsExactlyInAnyOrderElementsOf(pending);
      assertThat(aborted()).as("aborts at parallelism %d", parallelism).containsExactlyInAnyOrderElementsOf(open);
      assertThat(visible()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void restoreOfOneSubtaskIntoTwoSplitsItsTransactionsBetweenThem() throws Exception {
    Subtask sink = subtask(0, 1);
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sink.write("x" + i);
      pending.add(sink.current().partName());
      sink.checkpoint(i + 1);
    }
    pending.add(sink.current().partName()); // pre-committed empty at checkpoint 4
    Path chk4 = sink.checkpoint(4);
    String openAt4 = sink.current().partName();

    List<Integer> entriesPerSubtask = new ArrayList<>();
    for (int index = 0; index < 2; index++) {
      int before = calls.size();
      restore(index, 2, chk4);
      entriesPerSubtask.add(calls.size() - before);
    }
    assertThat(entriesPerSubtask).allMatch(n -> n > 0).as("split, not copied").containsExactlyInAnyOrder(2, 3);
    assertThat(committed()).containsExactlyInAnyOrderElementsOf(pending);
    assertThat(aborted()).containsExactly(openAt4);
    assertThat(visible()).containsExactlyInAnyOrder("x0\n", "x1\n", "x2\n");
  }

  @Test
  void failingPreCommitSurfacesLabelledWithTheOperatorAndLeavesNothingVisible() throws Exception {
    Subtask sink = subtask(0, 1, new RecordingSink(tmp.resolve("out"), true));
    sink.write("a");
    Transaction open = sink.current();

    assertThatThrownBy(() -> sink.operator.snapshotState(1, 1000))
        .isInstanceOf(UserCodeFailure.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining("subtask 0 of 1")
        .hasRootCauseMessage("preCommit failed on purpose");
    sink.operator.close();

    assertThat(calls).contains("abort " + open.partName());
    assertThat(visible()).isEmpty();
    assertThat(hidden()).isEmpty();
  }

  @Test
  void directoryThatIsAFileFailsOpenLabelledWithTheOperatorNamingThePath() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "not a directory");
    Subtask sink = new Subtask(new RecordingSink(file, false), 0, 1, List.of());

    assertThatThrownBy(sink::open)
        .isInstanceOf(UserCodeFailure.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is not a directory");
    sink.operator.close();
  }

  // ---------------------------------------------------------------- harness

  /** One operator subtask with its own operator state backend. */
  private final class Subtask {
    final RecordingSink sink;
    final OperatorStateBackend backend;
    final TwoPhaseCommitSinkOperator<String, Transaction> operator;
    private long timestamp = 1000;

    Subtask(RecordingSink sink, int index, int parallelism, List<Path> restoreFrom) throws IOException {
      this.sink = sink;
      backend = StateBackends.createOperatorStateBackend(new HashMapStateBackend(), NAME, index, parallelism);
      opened.add(this);
      if (!restoreFrom.isEmpty()) {
        List<SnapshotInput> inputs = new ArrayList<>();
        try {
          for (Path file : restoreFrom) {
            inputs.add(SnapshotInput.ofFile(file));
          }
          backend.restore(inputs);
        } finally {
          for (SnapshotInput input : inputs) {
            input.close();
          }
        }
      }
      operator = new TwoPhaseCommitSinkOperator<>(sink);
      OperatorServices services = new OperatorServices(jobFinishedActions::add, true, !restoreFrom.isEmpty(), List.of());
      operator.setup(
          new OperatorContext(NAME, index, parallelism, 128, null, backend, new ManualProcessingClock(0),
              Runnable::run, services),
          null);
    }

    void open() throws Exception {
      operator.open();
    }

    void write(String... elements) {
      for (String element : elements) {
        operator.processElement(element, timestamp++);
      }
    }

    Transaction current() {
      return sink.lastBegun;
    }

    void flushForTest() throws Exception {
      sink.flush(current());
    }

    /** The barrier of checkpoint {@code id}, then the backend's snapshot, written to a file. */
    Path checkpoint(long id) throws Exception {
      operator.snapshotState(id, timestamp);
      Path file = tmp.resolve("chk-" + id + "-" + operator.context().subtaskIndex() + "-of-"
          + operator.context().parallelism() + "-" + System.nanoTime());
      try (StateSnapshot snapshot = backend.snapshot(); OutputStream out = Files.newOutputStream(file)) {
        snapshot.writeTo(out);
      }
      return file;
    }
  }

  private Subtask subtask(int index, int parallelism) throws Exception {
    return subtask(index, parallelism, new RecordingSink(tmp.resolve("out"), false));
  }

  private Subtask subtask(int index, int parallelism, RecordingSink sink) throws Exception {
    Subtask subtask = new Subtask(sink, index, parallelism, List.of());
    subtask.open();
    return subtask;
  }

  /** A new subtask (and a new sink instance, as after a process restart) restored from {@code files}. */
  private Subtask restore(int index, int parallelism, Path... files) throws Exception {
    Subtask subtask = new Subtask(new RecordingSink(tmp.resolve("out"), false), index, parallelism, List.of(files));
    subtask.open();
    return subtask;
  }

  private void runJobFinishedActions() throws Exception {
    for (JobFinishedAction action : jobFinishedActions) {
      action.run();
    }
  }

  /** The contents of the visible part files, ordered by file name. */
  private List<String> visible() throws IOException {
    TreeMap<String, String> contents = new TreeMap<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      if (!name.startsWith(".")) {
        contents.put(name, Files.readString(file));
      }
    }
    return new ArrayList<>(contents.values());
  }

  private List<String> hidden() throws IOException {
    return files().stream().map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
  }

  private List<Path> files() throws IOException {
    Path out = tmp.resolve("out");
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.toList();
    }
  }

  private List<String> committed() {
    return callsOf("commit ");
  }

  private List<String> aborted() {
    return callsOf("abort ");
  }

  private List<String> callsOf(String prefix) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.startsWith(prefix)).map(c -> c.substring(prefix.length())).toList();
    }
  }

  /**
   * A {@link FileSink} that records its commits and aborts in {@link #calls} and can fail in
   * preCommit. Recovery goes through the default recoverAndCommit/recoverAndAbort, so it is
   * recorded as commit/abort too.
   */
  private final class RecordingSink implements TwoPhaseCommitSink<String, Transaction> {
    private static final long serialVersionUID = 1L;
    private final transient FileSink<String> files;
    private final boolean failPreCommit;
    transient Transaction lastBegun;

    RecordingSink(Path directory, boolean failPreCommit) {
      this.files = FileSink.forRowFormat(directory, line -> line);
      this.failPreCommit = failPreCommit;
    }

    @Override
    public Transaction beginTransaction(Context context) throws Exception {
      lastBegun = files.beginTransaction(context);
      return lastBegun;
    }

    @Override
    public void write(Transaction transaction, String element, Long timestamp) throws Exception {
      files.write(transaction, element, timestamp);
    }

    /** Makes the written data reach the in-progress file: a line longer than the write buffer. */
    void flush(Transaction transaction) throws Exception {
      files.write(transaction, "x".repeat(128 * 1024), null);
    }

    @Override
    public void preCommit(Transaction transaction) throws Exception {
      if (failPreCommit) {
        throw new IOException("preCommit failed on purpose");
      }
      files.preCommit(transaction);
    }

    @Override
    public void commit(Transaction transaction) throws Exception {
      calls.add("commit " + transaction.partName());
      files.commit(transaction);
    }

    @Override
    public void abort(Transaction transaction) throws Exception {
      calls.add("abort " + transaction.partName());
      files.abort(transaction);
    }

    @Override
    public TypeSerializer<Transaction> getTransactionSerializer() {
      return files.getTransactionSerializer();
    }
  }
}

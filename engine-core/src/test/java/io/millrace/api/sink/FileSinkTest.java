package io.millrace.api.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.millrace.api.DataStreamSink;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.sink.FileSink.Transaction;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileSink} on its own: the life of a part file through its three names. */
class FileSinkTest {
  @TempDir Path tmp;

  private static TwoPhaseCommitSink.Context subtask(int index) {
    return new TwoPhaseCommitSink.Context() {
      @Override
      public int getSubtaskId() {
        return index;
      }

      @Override
      public int getNumberOfParallelSubtasks() {
        return 4;
      }
    };
  }

  private Path out() {
    return tmp.resolve("out");
  }

  private FileSink<String> sink() {
    return FileSink.forRowFormat(out(), line -> line);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(out())) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void partFileIsHiddenInProgressHiddenPendingAndVisibleOnlyOnceCommitted() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = sink.beginTransaction(subtask(2));
    String uuid = txn.uuid();
    assertThat(txn.subtask()).isEqualTo(2);
    assertThat(names()).containsExactly(".part-2-" + uuid + ".inprogress");

    sink.write(txn, "héllo", 1L);
    sink.write(txn, "world", null);
    sink.preCommit(txn);
    assertThat(names()).containsExactly(".part-2-" + uuid + ".pending");
    assertThat(Files.readString(txn.pendingFile())).isEqualTo("héllo\nworld\n");

    sink.commit(txn);
    assertThat(names()).containsExactly("part-2-" + uuid);
    assertThat(Files.readString(out().resolve("part-2-" + uuid))).isEqualTo("héllo\nworld\n");
  }

  @Test
  void commitRenamesThePendingFileInsteadOfCopyingIt() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = sink.beginTransaction(subtask(0));
    sink.write(txn, "a", null);
    sink.preCommit(txn);
    Object pendingKey = Files.readAttributes(txn.pendingFile(), BasicFileAttributes.class).fileKey();
    assumeTrue(pendingKey != null, "the file system has no file keys");

    sink.commit(txn);
    Object committedKey = Files.readAttributes(txn.committedFile(), BasicFileAttributes.class).fileKey();
    assertThat(committedKey).isEqualTo(pendingKey);
  }

  @Test
  void commitIsIdempotentAlsoFromAnotherSinkInstance() throws Exception {
    Transaction txn = preCommitted(sink(), "a");
    sink().commit(txn); // a restored job has a new instance: the handle alone suffices
    sink().commit(txn);
    sink().recoverAndCommit(txn);

    assertThat(names()).containsExactly(txn.partName());
    assertThat(Files.readString(txn.committedFile())).isEqualTo("a\n");
  }

  @Test
  void abortDeletesInProgressAndPendingFilesAndIsIdempotent() throws Exception {
    FileSink<String> sink = sink();
    Transaction open = sink.beginTransaction(subtask(0));
    sink.write(open, "open", null);
    Transaction pending = preCommitted(sink, "pending");

    sink.abort(open);
    sink.abort(open);
    sink.abort(pending);
    sink().recoverAndAbort(pending);

    assertThat(names()).isEmpty();
  }

  @Test
  void abortAfterCommitLeavesTheVisibleFile() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = preCommitted(sink, "a");
    sink.commit(txn);
    sink.abort(txn);

    assertThat(names()).containsExactly(txn.partName());
  }

  @Test
  void emptyTransactionLeavesNoFile() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = sink.beginTransaction(subtask(0));
    sink.preCommit(txn);
    assertThat(names()).isEmpty();

    sink.commit(txn);
    sink.abort(txn);
    assertThat(names()).isEmpty();
  }

  @Test
  void committingAnOpenTransactionFails() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = sink.beginTransaction(subtask(0));
    sink.write(txn, "a", null);

    assertThatThrownBy(() -> sink.commit(txn))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(txn.partName())
        .hasMessageContaining("before it was pre-committed");
    sink.abort(txn);
  }

  @Test
  void writingToATransactionThatIsNotOpenFails() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = preCommitted(sink, "a");

    assertThatThrownBy(() -> sink.write(txn, "b", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(txn.partName() + " is not open");
  }

  @Test
  void encoderReturningNullFailsNamingTheElement() throws Exception {
    FileSink<Integer> sink = FileSink.forRowFormat(out(), n -> n == 7 ? null : n.toString());
    Transaction txn = sink.beginTransaction(subtask(0));

    assertThatThrownBy(() -> sink.write(txn, 7, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("encoder returned null for the element 7");
    sink.abort(txn);
  }

  @Test
  void missingDirectoriesAreCreated() throws Exception {
    Path nested = tmp.resolve("a").resolve("b");
    FileSink<String> sink = FileSink.forRowFormat(nested, line -> line);
    Transaction txn = sink.beginTransaction(subtask(0));

    assertThat(nested).isDirectory();
    assertThat(txn.inProgressFile().getParent()).isEqualTo(nested);
    sink.abort(txn);
  }

  @Test
  void directoryThatIsARegularFileFailsNamingThePathAndTheFix() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "data");

    assertThatThrownBy(() -> FileSink.<String>forRowFormat(file, line -> line).beginTransaction(subtask(0)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("FileSink directory " + file + " exists but is not a directory")
        .hasMessageContaining("remove that file");
  }

  @Test
  void directoryThatCannotBeCreatedFailsNamingThePathAndTheFix() throws Exception {
    Files.writeString(tmp.resolve("file"), "data");
    Path below = tmp.resolve("file").resolve("out");

    assertThatThrownBy(() -> FileSink.<String>forRowFormat(below, line -> line).beginTransaction(subtask(0)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot create the FileSink directory " + below)
        .hasMessageContaining("create it, or give FileSink.forRowFormat(...) a directory");
  }

  @Test
  void directoryThatIsNotWritableFailsNamingThePathAndTheFix() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path readOnly = Files.createDirectory(out(), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("r-xr-xr-x")));

    assertThatThrownBy(() -> sink().beginTransaction(subtask(0)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("FileSink directory " + readOnly + " is not writable")
        .hasMessageContaining("grant the user running the job write permission");
  }

  @Test
  void nullArgumentsAreRejectedNamingTheParameter() {
    assertThatThrownBy(() -> FileSink.<String>forRowFormat(null, line -> line))
        .hasMessage("directory must not be null in FileSink.forRowFormat(directory, encoder)");
    assertThatThrownBy(() -> FileSink.<String>forRowFormat(out(), null))
        .hasMessage("encoder must not be null in FileSink.forRowFormat(directory, encoder)");
  }

  @Test
  void relativeDirectoryIsResolvedWhenTheSinkIsBuilt() {
    FileSink<String> sink = FileSink.forRowFormat(Path.of("relative", "out"), line -> line);
    assertThat(sink.getDirectory()).isEqualTo(Path.of("relative", "out").toAbsolutePath());
  }

  @Test
  void transactionRoundTripsThroughItsSerializer() throws Exception {
    FileSink<String> sink = sink();
    Transaction txn = new Transaction(out().toString(), 3, "0b4e");
    TypeSerializer<Transaction> serializer = sink.getTransactionSerializer();
    DataOutputSerializer bytes = new DataOutputSerializer(64);
    serializer.serialize(txn, bytes);

    assertThat(serializer.deserialize(new DataInputDeserializer(bytes.getCopyOfBuffer()))).isEqualTo(txn);
  }

  @Test
  void subtasksSharingOneSinkWriteTheirOwnFilesConcurrently() throws Exception {
    FileSink<String> sink = sink();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Transaction>> results = new ArrayList<>();
      for (int index = 0; index < 4; index++) {
        int subtask = index;
        Callable<Transaction> writer = () -> {
          Transaction txn = sink.beginTransaction(subtask(subtask));
          for (int i = 0; i < 1000; i++) {
            sink.write(txn, subtask + ":" + i, null);
          }
          sink.preCommit(txn);
          sink.commit(txn);
          return txn;
        };
        results.add(threads.submit(writer));
      }
      for (Future<Transaction> result : results) {
        Transaction txn = result.get();
        List<String> lines = Files.readAllLines(txn.committedFile());
        assertThat(lines).hasSize(1000).allMatch(line -> line.startsWith(txn.subtask() + ":"));
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(names()).hasSize(4).noneMatch(name -> name.startsWith("."));
  }

  @Test
  void copyMadeByJavaSerializationWritesLikeTheOriginal() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sink());
    }
    @SuppressWarnings("unchecked")
    FileSink<String> copy = (FileSink<String>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))
        .readObject();

    Transaction txn = preCommitted(copy, "copied");
    copy.commit(txn);
    assertThat(Files.readString(txn.committedFile())).isEqualTo("copied\n");
  }

  @Test
  void sinkToTakesAFileSinkWhoseEncoderIsALambda() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStreamSink<Integer> sink = env.fromElements(1, 2).sinkTo(FileSink.forRowFormat(out(), n -> "n=" + n));

    assertThat(sink).isNotNull();
  }

  private static Transaction preCommitted(FileSink<String> sink, String line) throws Exception {
    Transaction txn = sink.beginTransaction(subtask(0));
    sink.write(txn, line, null);
    sink.preCommit(txn);
    return txn;
  }
}

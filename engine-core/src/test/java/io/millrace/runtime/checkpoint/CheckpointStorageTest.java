package io.millrace.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.millrace.runtime.checkpoint.CheckpointMetadata.FileEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStorageTest {
  private static final String JOB = "job-1";
  private static final String FINGERPRINT = "source>counter>sink";

  @TempDir Path root;

  private CheckpointStorage open(int retained) throws IOException {
    return CheckpointStorage.open(root, JOB, FINGERPRINT, retained);
  }

  private static void writeState(PendingCheckpoint pending, String uid, int subtask, String name, String content)
      throws IOException {
    try (OutputStream out = pending.openStateFile(uid, subtask, name)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A checkpoint of operator "counter" (parallelism 2) using the given shared files in subtask 0. */
  private CompletedCheckpoint checkpoint(CheckpointStorage storage, String... sharedNames) throws IOException {
    long id = storage.nextCheckpointId();
    PendingCheckpoint pending = storage.beginCheckpoint(id, 1000 + id);
    pending.registerOperator("counter", 2, 128);
    writeState(pending, "counter", 0, "keyed", "state of 0 at " + id);
    writeState(pending, "counter", 1, "keyed", "state of 1 at " + id);
    for (String name : sharedNames) {
      Path source = root.resolve("db-" + name);
      if (!Files.exists(source)) {
        Files.writeString(source, "sst " + name);
      }
      pending.addSharedFile("counter", 0, source, name);
    }
    return pending.complete();
  }

  private Path sharedFile(String name) {
    return root.resolve(JOB).resolve("shared").resolve(name);
  }

  private static void flipByte(Path file, int position) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[position] ^= 0x01;
    Files.write(file, bytes);
  }

  @Test
  void completedCheckpointHasVerifiedMetadataWithSizesAndChecksums() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint done = checkpoint(storage, "sst-1");

    assertThat(done.directory()).isEqualTo(root.resolve(JOB).resolve("chk-1"));
    assertThat(done.directory().resolve("_metadata")).isRegularFile();
    CheckpointMetadata metadata = MetadataFile.read(done.directory());
    assertThat(metadata).isEqualTo(done.metadata());
    assertThat(metadata.checkpointId()).isEqualTo(1);
    assertThat(metadata.jobId()).isEqualTo(JOB);
    assertThat(metadata.jobFingerprint()).isEqualTo(FINGERPRINT);
    assertThat(metadata.timestamp()).isEqualTo(1001);
    assertThat(metadata.savepoint()).isFalse();
    CheckpointMetadata.OperatorFiles counter = metadata.operators().get("counter");
    assertThat(counter.parallelism()).isEqualTo(2);
    assertThat(counter.maxParallelism()).isEqualTo(128);
    assertThat(counter.subtasks()).hasSize(2);
    FileEntry keyed0 = counter.subtasks().get(0).files().get(0);
    assertThat(keyed0.name()).isEqualTo("counter-0-keyed");
    assertThat(keyed0.logicalName()).isEqualTo("keyed");
    assertThat(keyed0.size()).isEqualTo("state of 0 at 1".length());
    assertThat(keyed0.crc32c()).isEqualTo(DurableFiles.crc32c("state of 0 at 1".getBytes(StandardCharsets.UTF_8)));
    assertThat(counter.subtasks().get(0).sharedFiles()).extracting(FileEntry::name).containsExactly("sst-1");
    assertThat(done.stateFiles("counter", 1)).containsExactly(done.directory().resolve("counter-1-keyed"));
    assertThat(done.sharedFiles("counter", 0)).containsExactly(sharedFile("sst-1"));
    assertThat(done.stateFiles("other", 0)).isEmpty();

    assertThat(storage.latestRestorable()).contains(done);
    assertThat(storage.retainedCheckpoints()).containsExactly(done);
  }

  @Test
  void operatorUidsAreEscapedInFileNames() throws IOException {
    CheckpointStorage storage = open(1);
    PendingCheckpoint pending = storage.beginCheckpoint(1, 0);
    pending.registerOperator("map@2 (Clicks)/x-y", 1, 1);
    assertThat(pending.newStateFile("map@2 (Clicks)/x-y", 0, "operator").getFileName().toString())
        .isEqualTo("map%402%20%28Clicks%29%2Fx%2Dy-0-operator");
  }

  @Test
  void abortDeletesTheCheckpointAndTheSharedFilesOnlyItUsed() throws IOException {
    CheckpointStorage storage = open(3);
    checkpoint(storage, "sst-1");
    PendingCheckpoint pending = storage.beginCheckpoint(2, 0);
    pending.registerOperator("counter", 1, 128);
    writeState(pending, "counter", 0, "keyed", "x");
    Files.writeString(root.resolve("new.sst"), "new");
    pending.addSharedFile("counter", 0, root.resolve("db-sst-1"), "sst-1");
    pending.addSharedFile("counter", 0, root.resolve("new.sst"), "sst-2");
    assertThat(storage.sharedFileReferences()).isEqualTo(Map.of("sst-1", 2, "sst-2", 1));

    pending.abort();

    assertThat(pending.directory()).doesNotExist();
    assertThat(sharedFile("sst-2")).doesNotExist();
    assertThat(sharedFile("sst-1")).exists();
    assertThat(storage.sharedFileReferences()).isEqualTo(Map.of("sst-1", 1));
    assertThat(storage.latestRestorable().orElseThrow().checkpointId()).isEqualTo(1);
    assertThatThrownBy(() -> pending.registerOperator("x", 1, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ABORTED");
  }

  @Test
  void crashBeforeRenameLeavesNoCompletedCheckpointAndReopeningCleansUp() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint first = checkpoint(storage, "sst-1");
    PendingCheckpoint crashed = storage.beginCheckpoint(2, 0);
    crashed.registerOperator("counter", 1, 128);
    writeState(crashed, "counter", 0, "keyed", "half written");
    Files.writeString(root.resolve("orphan.sst"), "orphan");
    crashed.addSharedFile("counter", 0, root.resolve("orphan.sst"), "sst-orphan");
    // the process dies while writing the metadata: only the temporary file exists
    Files.writeString(crashed.directory().resolve("_metadata.inprogress"), "{\"formatVersion\":1,\"crc");
    Files.writeString(sharedFile("sst-9.inprogress"), "partial link");

    assertThat(storage.latestRestorable()).contains(first);

    CheckpointStorage reopened = open(3); // a new JVM
    assertThat(crashed.directory()).doesNotExist();
    assertThat(sharedFile("sst-orphan")).doesNotExist();
    assertThat(sharedFile("sst-9.inprogress")).doesNotExist();
    assertThat(sharedFile("sst-1")).exists();
    assertThat(reopened.retainedCheckpoints()).containsExactly(first);
    assertThat(reopened.sharedFileReferences()).isEqualTo(Map.of("sst-1", 1));
    assertThat(reopened.nextCheckpointId()).isEqualTo(3);
    assertThat(reopened.latestRestorable()).contains(first);
  }

  @Test
  void retentionKeepsTheLastNAndReferenceCountsSharedFilesAcrossARestart() throws IOException {
    CheckpointStorage storage = open(2);
    CompletedCheckpoint chk1 = checkpoint(storage, "a", "b");
    checkpoint(storage, "b", "c");
    CompletedCheckpoint chk3 = checkpoint(storage, "c", "d");

    assertThat(chk1.directory()).doesNotExist();
    assertThat(sharedFile("a")).doesNotExist();
    assertThat(sharedFile("b")).exists();
    assertThat(storage.sharedFileReferences()).isEqualTo(Map.of("b", 1, "c", 2, "d", 1));

    CheckpointStorage restarted = open(2);
    assertThat(restarted.retainedCheckpoints()).extracting(CompletedCheckpoint::checkpointId).containsExactly(2L, 3L);
    assertThat(restarted.sharedFileReferences()).isEqualTo(Map.of("b", 1, "c", 2, "d", 1));

    CompletedCheckpoint chk4 = checkpoint(restarted, "d", "e");
    assertThat(chk4.checkpointId()).isEqualTo(4);
    assertThat(root.resolve(JOB).resolve("chk-2")).doesNotExist();
    assertThat(sharedFile("b")).doesNotExist();
    assertThat(sharedFile("c")).exists();
    assertThat(restarted.sharedFileReferences()).isEqualTo(Map.of("c", 1, "d", 2, "e", 1));
    checkpoint(restarted, "e");
    assertThat(sharedFile("c")).doesNotExist();
    assertThat(sharedFile("d")).exists();
    assertThat(restarted.sharedFileReferences()).isEqualTo(Map.of("d", 1, "e", 2));
    assertThat(chk3.directory()).doesNotExist();
    try (var files = Files.list(root.resolve(JOB).resolve("shared"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("d", "e");
    }
  }

  @Test
  void loweringTheRetainedCountTrimsOnOpen() throws IOException {
    CheckpointStorage storage = open(3);
    checkpoint(storage, "a");
    checkpoint(storage, "b");
    checkpoint(storage, "b");
    CheckpointStorage reopened = open(1);
    assertThat(reopened.retainedCheckpoints()).extracting(CompletedCheckpoint::checkpointId).containsExactly(3L);
    assertThat(sharedFile("a")).doesNotExist();
    assertThat(reopened.sharedFileReferences()).isEqualTo(Map.of("b", 1));
  }

  @Test
  void fallsBackToAnOlderCheckpointWhenTheNewestMetadataHasAFlippedByte() throws IOException {
    CheckpointStorage storage = open(3);
    checkpoint(storage);
    CompletedCheckpoint second = checkpoint(storage);
    CompletedCheckpoint third = checkpoint(storage);
    Path metadata = third.directory().resolve("_metadata");
    String json = Files.readString(metadata);
    int letter = json.indexOf("\"jobFingerprint\" : \"") + "\"jobFingerprint\" : \"".length();
    flipByte(metadata, letter); // still valid JSON: "rource>counter>sink"

    assertThat(storage.latestRestorable()).contains(second);
    assertThatThrownBy(() -> MetadataFile.read(third.directory()))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(metadata.toString()).hasMessageContaining("checksum mismatch");
  }

  @Test
  void fallsBackWhenTheNewestMetadataIsTruncated() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint first = checkpoint(storage);
    CompletedCheckpoint second = checkpoint(storage);
    Path metadata = second.directory().resolve("_metadata");
    byte[] bytes = Files.readAllBytes(metadata);
    Files.write(metadata, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(storage.latestRestorable()).contains(first);
    assertThatThrownBy(() -> CheckpointStorage.loadForRestore(second.directory(), FINGERPRINT, false))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(metadata.toString()).hasMessageContaining("not valid JSON");
    // reopening keeps the corrupt one for inspection and does not retain it
    assertThat(open(3).retainedCheckpoints()).containsExactly(first);
    assertThat(second.directory()).exists();
  }

  @Test
  void fallsBackWhenAStateFileOfTheNewestIsTruncatedOrFlipped() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint first = checkpoint(storage, "a");
    CompletedCheckpoint second = checkpoint(storage, "a");
    CompletedCheckpoint third = checkpoint(storage, "a");
    Path truncated = third.stateFiles("counter", 1).get(0);
    Files.write(truncated, new byte[3]);
    Path flipped = second.stateFiles("counter", 0).get(0);
    flipByte(flipped, 0);

    assertThat(storage.latestRestorable()).contains(first);
    assertThatThrownBy(third::verifyFiles).isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(truncated.toString()).hasMessageContaining("size 3 bytes");
    assertThatThrownBy(second::verifyFiles).isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining(flipped.toString()).hasMessageContaining("CRC32C");
  }

  @Test
  void aCorruptSharedFileMakesEveryCheckpointUsingItUnusable() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint first = checkpoint(storage, "a");
    checkpoint(storage, "a", "b");
    flipByte(sharedFile("b"), 1);
    assertThat(storage.latestRestorable()).contains(first);

    flipByte(sharedFile("a"), 1);
    assertThatThrownBy(storage::latestRestorable)
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining("no usable checkpoint in " + root.resolve(JOB))
        .hasMessageContaining(root.resolve(JOB).resolve("chk-2") + ": corrupt checkpoint file " + sharedFile("a"))
        .hasMessageContaining(root.resolve(JOB).resolve("chk-1") + ": corrupt checkpoint file " + sharedFile("a"));
  }

  @Test
  void aJobWithoutCheckpointsHasNothingToRestore() throws IOException {
    assertThat(open(1).latestRestorable()).isEmpty();
  }

  @Test
  void aCheckpointCompletingAfterANewerOneIsSubsumed() throws IOException {
    CheckpointStorage storage = open(3);
    PendingCheckpoint older = storage.beginCheckpoint(1, 0);
    PendingCheckpoint newer = storage.beginCheckpoint(2, 0);
    newer.complete();
    assertThatThrownBy(older::complete).isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining("checkpoint 1 completes after checkpoint 2");
    assertThat(older.directory()).doesNotExist();
    assertThatThrownBy(() -> storage.beginCheckpoint(2, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be above 2");
  }

  @Test
  void aReservedStateFileThatWasNotWrittenFailsCompletion() throws IOException {
    PendingCheckpoint pending = open(1).beginCheckpoint(1, 0);
    pending.registerOperator("counter", 1, 1);
    Path reserved = pending.newStateFile("counter", 0, "keyed");
    assertThatThrownBy(pending::complete).isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(reserved.toString()).hasMessageContaining("not written");
    assertThat(pending.directory().resolve("_metadata")).doesNotExist();
    pending.abort();
  }

  @Test
  void filesOfUnregisteredOperatorsOrBadSubtasksAreRejected() throws IOException {
    PendingCheckpoint pending = open(1).beginCheckpoint(1, 0);
    assertThatThrownBy(() -> pending.newStateFile("counter", 0, "keyed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registerOperator");
    pending.registerOperator("counter", 2, 128);
    assertThatThrownBy(() -> pending.registerOperator("counter", 4, 128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism 2/128, now 4/128");
    assertThatThrownBy(() -> pending.newStateFile("counter", 2, "keyed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 2)");
    assertThatThrownBy(() -> pending.newStateFile("counter", 0, "../escape"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape");
    pending.newStateFile("counter", 0, "keyed");
    assertThatThrownBy(() -> pending.newStateFile("counter", 0, "keyed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has");
  }

  @Test
  void missingCheckpointDirectoryIsAnErrorSayingToCreateIt() {
    Path missing = root.resolve("nope");
    assertThatThrownBy(() -> CheckpointStorage.open(missing, JOB, FINGERPRINT, 1))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessage("checkpoint directory " + missing + " does not exist; create it (mkdir -p " + missing
            + ") or configure an existing directory");
  }

  @Test
  void checkpointDirectoryThatIsAFileIsAnError() throws IOException {
    Path file = Files.writeString(root.resolve("file"), "x");
    assertThatThrownBy(() -> CheckpointStorage.open(file, JOB, FINGERPRINT, 1))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("is a file, not a directory");
  }

  @Test
  void checkpointDirectoryThatIsNotWritableIsAnError() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path readOnly = Files.createDirectory(root.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> CheckpointStorage.open(readOnly, JOB, FINGERPRINT, 1))
          .isInstanceOf(CheckpointStorageException.class)
          .hasMessageContaining(readOnly.toString()).hasMessageContaining("not writable");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void badArgumentsNameTheParameter() {
    assertThatThrownBy(() -> CheckpointStorage.open(root, "a/b", FINGERPRINT, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job id").hasMessageContaining("a/b");
    assertThatThrownBy(() -> CheckpointStorage.open(root, JOB, FINGERPRINT, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retained checkpoints must be at least 1, got 0");
  }

  private CompletedCheckpoint savepoint(Path directory) throws IOException {
    PendingCheckpoint pending = CheckpointStorage.beginSavepoint(directory, JOB, FINGERPRINT, 7, 77);
    assertThat(pending.isSavepoint()).isTrue();
    pending.registerOperator("counter", 1, 128);
    writeState(pending, "counter", 0, "keyed", "savepoint state");
    Path sst = Files.writeString(root.resolve("000012.sst"), "sst bytes");
    pending.addSharedFile("counter", 0, sst, "000012.sst");
    return pending.complete();
  }

  @Test
  void savepointIsSelfContainedAndFlagged() throws IOException {
    Path directory = root.resolve("savepoints").resolve("sp-1");
    CompletedCheckpoint savepoint = savepoint(directory);
    Files.delete(root.resolve("000012.sst")); // the source database is gone

    CompletedCheckpoint loaded = CheckpointStorage.loadForRestore(directory, FINGERPRINT, false);
    assertThat(loaded).isEqualTo(savepoint);
    assertThat(loaded.isSavepoint()).isTrue();
    assertThat(loaded.checkpointId()).isEqualTo(7);
    assertThat(loaded.sharedFiles("counter", 0)).isEmpty();
    assertThat(loaded.stateFiles("counter", 0)).containsExactly(
        directory.resolve("counter-0-keyed"), directory.resolve("counter-0-000012.sst"));
    assertThat(loaded.subtaskFiles("counter", 0).files()).extracting(FileEntry::logicalName)
        .containsExactly("keyed", "000012.sst");
    assertThat(Files.readString(directory.resolve("counter-0-000012.sst"))).isEqualTo("sst bytes");
  }

  @Test
  void savepointOfADifferentJobIsRejectedUnlessAllowed() throws IOException {
    Path directory = root.resolve("sp");
    savepoint(directory);
    assertThatThrownBy(() -> CheckpointStorage.loadForRestore(directory, "other>job", false))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining("different job")
        .hasMessageContaining("'" + FINGERPRINT + "'")
        .hasMessageContaining("'other>job'");
    assertThat(CheckpointStorage.loadForRestore(directory, "other>job", true).checkpointId()).isEqualTo(7);
  }

  @Test
  void savepointDirectoryMustBeNewOrEmpty() throws IOException {
    Path directory = Files.createDirectory(root.resolve("used"));
    Files.writeString(directory.resolve("x"), "x");
    assertThatThrownBy(() -> CheckpointStorage.beginSavepoint(directory, JOB, FINGERPRINT, 1, 0))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(directory.toString()).hasMessageContaining("not empty");
    Path file = directory.resolve("x");
    assertThatThrownBy(() -> CheckpointStorage.beginSavepoint(file, JOB, FINGERPRINT, 1, 0))
        .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("is a file");
  }

  @Test
  void restoringFromAGivenPathAcceptsACheckpointOrAJobDirectory() throws IOException {
    CheckpointStorage storage = open(3);
    CompletedCheckpoint first = checkpoint(storage, "a");
    CompletedCheckpoint second = checkpoint(storage, "a");
    assertThat(CheckpointStorage.loadForRestore(first.directory(), FINGERPRINT, false)).isEqualTo(first);
    assertThat(CheckpointStorage.loadForRestore(root.resolve(JOB), FINGERPRINT, false)).isEqualTo(second);

    Path empty = Files.createDirectory(root.resolve("empty"));
    assertThatThrownBy(() -> CheckpointStorage.loadForRestore(empty, FINGERPRINT, false))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(empty.toString()).hasMessageContaining("no _metadata");
    Path missing = root.resolve("missing");
    assertThatThrownBy(() -> CheckpointStorage.loadForRestore(missing, FINGERPRINT, false))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void metadataOfAnUnknownVersionOrShapeIsCorrupt() throws IOException {
    Path directory = Files.createDirectory(root.resolve("chk"));
    Files.writeString(directory.resolve("_metadata"), "{\"formatVersion\":2}");
    assertThatThrownBy(() -> MetadataFile.read(directory)).isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("unknown format version 2");
    Files.writeString(directory.resolve("_metadata"), "");
    assertThatThrownBy(() -> MetadataFile.read(directory)).isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("empty or not a JSON object");
    Files.writeString(directory.resolve("_metadata"), "[]");
    assertThatThrownBy(() -> MetadataFile.read(directory)).isInstanceOf(CorruptCheckpointException.class);
  }

  @Test
  void sharedFileNameReusedWithOtherContentIsAnError() throws IOException {
    CheckpointStorage storage = open(3);
    checkpoint(storage, "a");
    PendingCheckpoint pending = storage.beginCheckpoint(2, 0);
    pending.registerOperator("counter", 1, 1);
    Path other = Files.writeString(root.resolve("other"), "different length");
    assertThatThrownBy(() -> pending.addSharedFile("counter", 0, other, "a"))
        .isInstanceOf(CheckpointStorageException.class)
        .hasMessageContaining("shared file a").hasMessageContaining("identify their content");
    pending.abort();
    assertThat(storage.sharedFileReferences()).isEqualTo(Map.of("a", 1));
    assertThat(List.of(sharedFile("a"))).allMatch(Files::exists);
  }
}

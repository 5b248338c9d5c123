package io.millrace.runtime.checkpoint;

import io.millrace.runtime.checkpoint.CheckpointMetadata.FileEntry;
import io.millrace.runtime.checkpoint.CheckpointMetadata.OperatorFiles;
import io.millrace.runtime.checkpoint.CheckpointMetadata.SubtaskFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checkpoint or savepoint being written: its directory exists, the runtime adds the state
 * files of each (operator uid, subtask) and the shared files they use, then {@link #complete()}
 * makes it a checkpoint atomically, or {@link #abort()} removes it.
 *
 * <p>Lifecycle: {@code PENDING -> COMPLETED} or {@code PENDING -> ABORTED}; nothing can be added
 * after either. Thread-safe: subtasks' asynchronous snapshot threads may add files concurrently.
 * A state file's content must be fully written and its stream closed before {@link #complete()}.
 */
public final class PendingCheckpoint {
  /** The states of a pending checkpoint; the allowed transitions are PENDING to either other. */
  enum Status { PENDING, COMPLETED, ABORTED }

  private final CheckpointStorage storage; // null for a savepoint
  private final Path directory;
  private final long checkpointId;
  private final long timestamp;
  private final String jobId;
  private final String jobFingerprint;
  private final Map<String, Operator> operators = new LinkedHashMap<>();
  private final List<String> acquiredShared = new ArrayList<>();
  private Status status = Status.PENDING;

  private record Operator(int parallelism, int maxParallelism, Map<Integer, Subtask> subtasks) {}

  private record Subtask(List<FileEntry> files, List<FileEntry> sharedFiles) {}

  PendingCheckpoint(CheckpointStorage storage, Path directory, long checkpointId, long timestamp,
      String jobId, String jobFingerprint) {
    this.storage = storage;
    this.directory = directory;
    this.checkpointId = checkpointId;
    this.timestamp = timestamp;
    this.jobId = jobId;
    this.jobFingerprint = jobFingerprint;
  }

  /** The checkpoint's id. */
  public long checkpointId() {
    return checkpointId;
  }

  /** The directory the files go to ({@code chk-<n>} or the savepoint directory). */
  public Path directory() {
    return directory;
  }

  /** Whether this is a savepoint (self-contained: shared files are copied in). */
  public boolean isSavepoint() {
    return storage == null;
  }

  /**
   * Declares operator {@code uid} with its parallelism and max parallelism; needed before its
   * files are added. Declaring it again with the same values is a no-op.
   *
   * @throws IllegalArgumentException if the uid was declared with other values
   */
  public synchronized void registerOperator(String uid, int parallelism, int maxParallelism) {
    checkPending();
    if (uid == null || uid.isEmpty()) {
      throw new IllegalArgumentException("operator uid must be non-empty, got " + uid);
    }
    if (parallelism < 1 || maxParallelism < parallelism) {
      throw new IllegalArgumentException("operator " + uid + ": need 1 <= parallelism <= maxParallelism, got "
          + parallelism + " and " + maxParallelism);
    }
    Operator existing = operators.putIfAbsent(
        uid, new Operator(parallelism, maxParallelism, new TreeMap<>()));
    if (existing != null
        && (existing.parallelism() != parallelism || existing.maxParallelism() != maxParallelism)) {
      throw new IllegalArgumentException("operator " + uid + " was registered with parallelism "
          + existing.parallelism() + "/" + existing.maxParallelism() + ", now " + parallelism + "/" + maxParallelism);
    }
  }

  /**
   * Reserves a state file of {@code subtask} of operator {@code uid} named {@code name} (e.g.
   * {@code keyed}, {@code operator}, a RocksDB file name; letters, digits, '.', '_', '-') and
   * returns its path, which does not exist yet: the caller creates and writes it.
   *
   * @throws IllegalArgumentException for an unregistered uid, a subtask out of range, a bad or
   *     already used name
   */
  public synchronized Path newStateFile(String uid, int subtask, String name) {
    checkPending();
    Subtask files = subtask(uid, subtask);
    CheckpointStorage.checkFileName("state file name", name);
    String fileName = fileName(uid, subtask, name);
    for (FileEntry file : files.files()) {
      if (file.name().equals(fileName)) {
        throw new IllegalArgumentException("operator " + uid + " subtask " + subtask
            + " already has a state file named " + name + " in checkpoint " + checkpointId);
      }
    }
    files.files().add(new FileEntry(fileName, name, -1, ""));
    return directory.resolve(fileName);
  }

  /** As {@link #newStateFile}, opened for writing; the caller closes it. */
  public OutputStream openStateFile(String uid, int subtask, String name) throws IOException {
    return Files.newOutputStream(newStateFile(uid, subtask, name),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /**
   * Adds an immutable file (e.g. a RocksDB SST file of a native checkpoint) that {@code subtask}
   * of {@code uid} uses. In a checkpoint it goes to {@code shared/} under {@code sharedName} —
   * hard-linked or copied only if no retained or pending checkpoint has it yet, and referenced
   * either way; in a savepoint it is copied into the savepoint directory as a state file with
   * logical name {@code sharedName}.
   *
   * <p>{@code sharedName} must identify the content for the job's lifetime: the same name is
   * assumed to be the same bytes (only the size is compared). For RocksDB, prefix the SST file
   * name with something unique to the database instance (e.g. uid, subtask and a random id
   * chosen when the backend was created), since a rescaled restore starts numbering files anew.
   */
  public void addSharedFile(String uid, int subtask, Path source, String sharedName)
      throws IOException {
    if (isSavepoint()) {
      Path target = newStateFile(uid, subtask, sharedName);
      DurableFiles.copy(source, target);
      return;
    }
    CheckpointStorage.checkFileName("shared file name", sharedName);
    synchronized (this) {
      checkPending();
      subtask(uid, subtask); // validates before acquiring
    }
    FileEntry entry = storage.acquireShared(sharedName, source);
    synchronized (this) {
      acquiredShared.add(sharedName);
      if (status != Status.PENDING) {
        // aborted concurrently: abort() released what it saw; release this one too
        acquiredShared.remove(sharedName);
        storage.releaseShared(List.of(sharedName));
        checkPending();
      }
      subtask(uid, subtask).sharedFiles().add(entry);
    }
  }

  /**
   * Completes: fsyncs and checksums every state file, writes {@code _metadata} atomically, and
   * (for a checkpoint) applies retention. After this returns, the checkpoint survives a crash.
   *
   * @throws CheckpointStorageException if a reserved state file was not written, or a newer
   *     checkpoint completed first (this one is then aborted)
   */
  public synchronized CompletedCheckpoint complete() throws IOException {
    checkPending();
    Map<String, OperatorFiles> result = new TreeMap<>();
    for (Map.Entry<String, Operator> operator : operators.entrySet()) {
      List<SubtaskFiles> subtasks = new ArrayList<>();
      for (Map.Entry<Integer, Subtask> subtask : operator.getValue().subtasks().entrySet()) {
        List<FileEntry> files = new ArrayList<>();
        for (FileEntry file : subtask.getValue().files()) {
          Path path = directory.resolve(file.name());
          if (!Files.isRegularFile(path)) {
            throw new CheckpointStorageException("checkpoint " + checkpointId + ": state file " + path
                + " of operator " + operator.getKey() + " subtask " + subtask.getKey()
                + " was reserved but not written; write it before completing, or abort");
          }
          DurableFiles.fsync(path);
          DurableFiles.Digest digest = DurableFiles.digest(path);
          files.add(new FileEntry(file.name(), file.logicalName(), digest.size(), digest.crc32c()));
        }
        subtasks.add(new SubtaskFiles(subtask.getKey(), files, subtask.getValue().sharedFiles()));
      }
      result.put(operator.getKey(), new OperatorFiles(
          operator.getValue().parallelism(), operator.getValue().maxParallelism(), subtasks));
    }
    CheckpointMetadata metadata = new CheckpointMetadata(
        checkpointId, jobId, jobFingerprint, timestamp, isSavepoint(), result);
    CompletedCheckpoint completed;
    if (isSavepoint()) {
      DurableFiles.fsyncDirectory(directory);
      MetadataFile.write(directory, metadata);
      completed = new CompletedCheckpoint(directory, metadata);
    } else {
      try {
        completed = storage.complete(directory, metadata);
      } catch (CheckpointStorageException e) {
        abort();
        throw e;
      }
    }
    status = Status.COMPLETED;
    return completed;
  }

  /**
   * Aborts: deletes the directory and releases the shared files it referenced (deleting those no
   * retained checkpoint uses). A no-op when already aborted.
   *
   * @throws IllegalStateException if already completed
   */
  public synchronized void abort() throws IOException {
    if (status == Status.ABORTED) {
      return;
    }
    if (status == Status.COMPLETED) {
      throw new IllegalStateException("checkpoint " + checkpointId + " is completed; it cannot be aborted");
    }
    status = Status.ABORTED;
    DurableFiles.deleteRecursively(directory);
    if (storage != null) {
      storage.releaseShared(acquiredShared);
      acquiredShared.clear();
    }
  }

  /** The file name of a state file: {@code <escaped uid>-<subtask>-<name>}. */
  static String fileName(String uid, int subtask, String name) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : uid.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_') {
        escaped.append(c);
      } else {
        escaped.append('%').append(String.format("%02X", b & 0xff)); // '-' too: it separates parts
      }
    }
    return escaped + "-" + subtask + "-" + name;
  }

  private Subtask subtask(String uid, int subtask) {
    Operator operator = operators.get(uid);
    if (operator == null) {
      throw new IllegalArgumentException("operator " + uid + " is not registered in checkpoint "
          + checkpointId + "; call registerOperator(uid, parallelism, maxParallelism) first");
    }
    if (subtask < 0 || subtask >= operator.parallelism()) {
      throw new IllegalArgumentException("subtask must be in [0, " + operator.parallelism()
          + ") for operator " + uid + ", got " + subtask);
    }
    return operator.subtasks().computeIfAbsent(subtask, i -> new Subtask(new ArrayList<>(), new ArrayList<>()));
  }

  private void checkPending() {
    if (status != Status.PENDING) {
      throw new IllegalStateException("checkpoint " + checkpointId + " is " + status + "; nothing can be added");
    }
  }
}

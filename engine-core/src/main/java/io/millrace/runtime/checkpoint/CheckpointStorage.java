package io.millrace.runtime.checkpoint;

import io.millrace.runtime.checkpoint.CheckpointMetadata.FileEntry;
import io.millrace.runtime.checkpoint.CheckpointMetadata.OperatorFiles;
import io.millrace.runtime.checkpoint.CheckpointMetadata.SubtaskFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one job on local disk, under {@code <checkpoint-dir>/<job-id>/} (layout in
 * the package documentation): begins pending checkpoints, keeps the last N completed ones and
 * the shared files they reference, and finds the checkpoint to restore from.
 *
 * <p>Opening the storage cleans up after a crash: directories of checkpoints that never
 * completed and temporary files are deleted, and the reference counts of shared files are
 * rebuilt from the retained checkpoints' metadata. One storage per job directory at a time (one
 * process); its methods are thread-safe.
 */
public final class CheckpointStorage {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);

  /** The folder of incremental files under the job's directory. */
  public static final String SHARED_DIRECTORY = "shared";

  private static final String CHECKPOINT_PREFIX = "chk-";
  private static final Pattern CHECKPOINT_NAME = Pattern.compile("chk-([0-9]{1,18})");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final String IN_PROGRESS = ".inprogress";

  private final Path jobDirectory;
  private final Path sharedDirectory;
  private final String jobId;
  private final String jobFingerprint;
  private final int retainedCheckpoints;
  /** Completed checkpoints, oldest first. */
  private final Deque<CompletedCheckpoint> retained = new ArrayDeque<>();
  /** Shared file name -> its entry and how many retained or pending checkpoints use it. */
  private final Map<String, SharedFile> shared = new HashMap<>();
  /** The highest checkpoint id begun or found on disk. */
  private long highestCheckpointId;

  private static final class SharedFile {
    final FileEntry entry;
    int references;

    SharedFile(FileEntry entry) {
      this.entry = entry;
    }
  }

  private CheckpointStorage(Path jobDirectory, String jobId, String jobFingerprint, int retainedCheckpoints) {
    this.jobDirectory = jobDirectory;
    this.sharedDirectory = jobDirectory.resolve(SHARED_DIRECTORY);
    this.jobId = jobId;
    this.jobFingerprint = jobFingerprint;
    this.retainedCheckpoints = retainedCheckpoints;
  }

  /**
   * Opens (creating {@code <checkpointDirectory>/<jobId>/} if needed) the checkpoints of job
   * {@code jobId}, cleaning up what a crash left and rebuilding the shared files' reference
   * counts from the retained checkpoints.
   *
   * @param checkpointDirectory an existing, writable directory
   * @param jobId the job's id: letters, digits, '.', '_', '-'
   * @param jobFingerprint recorded in every checkpoint's metadata (see {@link CheckpointMetadata})
   * @param retainedCheckpoints how many completed checkpoints to keep, at least 1
   * @throws CheckpointStorageException if the directory is missing, not a directory or not writable
   */
  public static CheckpointStorage open(
      Path checkpointDirectory, String jobId, String jobFingerprint, int retainedCheckpoints)
      throws IOException {
    Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
    Objects.requireNonNull(jobFingerprint, "jobFingerprint");
    checkFileName("job id", jobId);
    if (retainedCheckpoints < 1) {
      throw new IllegalArgumentException("retained checkpoints must be at least 1, got " + retainedCheckpoints);
    }
    checkWritableDirectory(checkpointDirectory, "checkpoint directory");
    Path jobDirectory = checkpointDirectory.resolve(jobId);
    try {
      Files.createDirectories(jobDirectory.resolve(SHARED_DIRECTORY));
    } catch (AccessDeniedException e) {
      throw notWritable(checkpointDirectory, "checkpoint directory", e);
    }
    checkWritableDirectory(jobDirectory, "job checkpoint directory");
    CheckpointStorage storage = new CheckpointStorage(jobDirectory, jobId, jobFingerprint, retainedCheckpoints);
    storage.recover();
    return storage;
  }

  /**
   * Begins a savepoint in {@code directory} (created if missing; it must be empty): the same
   * format as a checkpoint, self-contained, flagged as a savepoint, never deleted by retention.
   *
   * @throws CheckpointStorageException if {@code directory} is a file, not empty or not writable
   */
  public static PendingCheckpoint beginSavepoint(
      Path directory, String jobId, String jobFingerprint, long checkpointId, long timestamp)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(jobFingerprint, "jobFingerprint");
    checkFileName("job id", jobId);
    checkCheckpointId(checkpointId);
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new CheckpointStorageException("savepoint directory " + directory
          + " is a file; give the path of a new or empty directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (AccessDeniedException e) {
      throw notWritable(directory, "savepoint directory", e);
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      if (entries.iterator().hasNext()) {
        throw new CheckpointStorageException("savepoint directory " + directory
            + " is not empty; give the path of a new or empty directory");
      }
    }
    checkWritableDirectory(directory, "savepoint directory");
    return new PendingCheckpoint(null, directory, checkpointId, timestamp, jobId, jobFingerprint);
  }

  /** The job's directory, {@code <checkpoint-dir>/<job-id>}. */
  public Path jobDirectory() {
    return jobDirectory;
  }

  /** The id to give the next checkpoint: one more than any begun or found on disk. */
  public synchronized long nextCheckpointId() {
    return highestCheckpointId + 1;
  }

  /**
   * Begins checkpoint {@code checkpointId}: creates {@code chk-<id>/}.
   *
   * @throws IllegalArgumentException if the id is not above every checkpoint begun or on disk
   */
  public synchronized PendingCheckpoint beginCheckpoint(long checkpointId, long timestamp) throws IOException {
    checkCheckpointId(checkpointId);
    if (checkpointId <= highestCheckpointId) {
      throw new IllegalArgumentException("checkpoint id must be above " + highestCheckpointId
          + " (the highest begun or on disk in " + jobDirectory + "), got " + checkpointId);
    }
    Path directory = jobDirectory.resolve(CHECKPOINT_PREFIX + checkpointId);
    Files.createDirectory(directory);
    highestCheckpointId = checkpointId;
    return new PendingCheckpoint(this, directory, checkpointId, timestamp, jobId, jobFingerprint);
  }

  /** The retained completed checkpoints, oldest first. */
  public synchronized List<CompletedCheckpoint> retainedCheckpoints() {
    return List.copyOf(retained);
  }

  /** How many retained or pending checkpoints use each shared file (a copy). */
  public synchronized Map<String, Integer> sharedFileReferences() {
    Map<String, Integer> references = new TreeMap<>();
    shared.forEach((name, file) -> references.put(name, file.references));
    return references;
  }

  /**
   * The newest completed checkpoint of this job whose metadata and files all verify, read from
   * disk now; a newer one that does not verify is skipped with a warning saying why.
   *
   * @return empty if the job has no checkpoint directories at all (a fresh start)
   * @throws CheckpointStorageException if there are checkpoints but none is usable (the message
   *     lists each and why)
   */
  public Optional<CompletedCheckpoint> latestRestorable() throws IOException {
    return latestIn(jobDirectory, jobId);
  }

  /**
   * Loads what to restore from a path a user gave: a checkpoint ({@code chk-<n>}) or savepoint
   * directory, or a job's checkpoint directory (its newest usable checkpoint). Verifies the
   * metadata and every file.
   *
   * @param jobFingerprint the restoring job's fingerprint
   * @param allowDifferentJob whether state of a job with another fingerprint may be restored
   * @throws CheckpointStorageException if the path is missing, holds nothing to restore, is
   *     corrupt, or belongs to another job and that is not allowed
   */
  public static CompletedCheckpoint loadForRestore(Path path, String jobFingerprint, boolean allowDifferentJob)
      throws IOException {
    if (!Files.isDirectory(path)) {
      throw new CheckpointStorageException("cannot restore from " + path + ": "
          + (Files.exists(path) ? "it is a file" : "it does not exist")
          + "; give a checkpoint (chk-<n>) or savepoint directory");
    }
    CompletedCheckpoint checkpoint;
    if (Files.exists(path.resolve(MetadataFile.NAME))) {
      checkpoint = new CompletedCheckpoint(path, MetadataFile.read(path));
      checkpoint.verifyFiles();
    } else {
      checkpoint = latestIn(path, null).orElseThrow(() -> new CheckpointStorageException(
          "cannot restore from " + path + ": it has no " + MetadataFile.NAME + " and no chk-<n> directories;"
              + " give a checkpoint (chk-<n>) or savepoint directory"));
    }
    String recorded = checkpoint.metadata().jobFingerprint();
    if (!recorded.equals(jobFingerprint)) {
      if (!allowDifferentJob) {
        throw new CheckpointStorageException("cannot restore from " + checkpoint.directory()
            + ": it was taken of a different job (job " + checkpoint.metadata().jobId() + ", fingerprint '"
            + recorded + "'; this job's is '" + jobFingerprint + "'); restore it into the job that took it,"
            + " or allow restoring state of a different job");
      }
      LOG.warn("Restoring {} of a different job (fingerprint '{}', this job '{}'), as allowed",
          checkpoint.directory(), recorded, jobFingerprint);
    }
    return checkpoint;
  }

  // ---- called by PendingCheckpoint ----

  /** Writes the metadata of a checkpoint in {@code directory} and applies retention. */
  synchronized CompletedCheckpoint complete(Path directory, CheckpointMetadata metadata) throws IOException {
    CompletedCheckpoint newest = retained.peekLast();
    if (newest != null && newest.checkpointId() > metadata.checkpointId()) {
      throw new CheckpointStorageException("checkpoint " + metadata.checkpointId()
          + " completes after checkpoint " + newest.checkpointId() + ": it is subsumed and aborted");
    }
    DurableFiles.fsyncDirectory(directory);
    MetadataFile.write(directory, metadata);
    CompletedCheckpoint completed = new CompletedCheckpoint(directory, metadata);
    retained.addLast(completed);
    LOG.info("Checkpoint {} of job {} completed in {}", metadata.checkpointId(), jobId, directory);
    trimRetained();
    return completed;
  }

  /** References {@code name} in {@code shared/}, putting {@code source} there if it is new. */
  synchronized FileEntry acquireShared(String name, Path source) throws IOException {
    SharedFile file = shared.get(name);
    if (file == null) {
      Path target = sharedDirectory.resolve(name);
      DurableFiles.linkOrCopy(source, target);
      DurableFiles.fsyncDirectory(sharedDirectory);
      DurableFiles.Digest digest = DurableFiles.digest(target);
      file = new SharedFile(new FileEntry(name, name, digest.size(), digest.crc32c()));
      shared.put(name, file);
    } else {
      long size = Files.size(source);
      if (size != file.entry.size()) {
        throw new CheckpointStorageException("shared file " + name + " is already in " + sharedDirectory
            + " with " + file.entry.size() + " bytes, but " + source + " has " + size
            + "; shared file names must identify their content (prefix them with a backend instance id)");
      }
    }
    file.references++;
    return file.entry;
  }

  /** Drops one reference to each of {@code names}, deleting files no longer used. */
  synchronized void releaseShared(Collection<String> names) throws IOException {
    for (String name : names) {
      SharedFile file = shared.get(name);
      if (file != null && --file.references == 0) {
        shared.remove(name);
        Files.deleteIfExists(sharedDirectory.resolve(name));
      }
    }
  }

  // ---- internals ----

  private void recover() throws IOException {
    List<CompletedCheckpoint> found = new ArrayList<>();
    boolean unreadable = false;
    for (Map.Entry<Long, Path> entry : checkpointDirectories(jobDirectory).entrySet()) {
      Path directory = entry.getValue();
      highestCheckpointId = Math.max(highestCheckpointId, entry.getKey());
      if (!Files.exists(directory.resolve(MetadataFile.NAME))) {
        LOG.info("Deleting {}: a checkpoint that never completed (the process stopped while writing it)",
            directory);
        DurableFiles.deleteRecursively(directory);
        continue;
      }
      Files.deleteIfExists(directory.resolve(MetadataFile.NAME + IN_PROGRESS));
      try {
        found.add(new CompletedCheckpoint(directory, MetadataFile.read(directory)));
      } catch (CorruptCheckpointException e) {
        unreadable = true;
        LOG.warn("Ignoring checkpoint {}: {}; it is kept on disk for inspection", directory, e.getMessage());
      }
    }
    for (CompletedCheckpoint checkpoint : found) {
      retained.addLast(checkpoint);
      for (FileEntry file : sharedFilesOf(checkpoint.metadata())) {
        shared.computeIfAbsent(file.name(), n -> new SharedFile(file)).references++;
      }
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sharedDirectory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(IN_PROGRESS)) {
          Files.deleteIfExists(file);
        } else if (!shared.containsKey(name) && !unreadable) {
          LOG.info("Deleting {}: no retained checkpoint uses it", file);
          Files.deleteIfExists(file);
        }
      }
    }
    trimRetained();
    LOG.info("Opened checkpoints of job {} in {}: {} retained, {} shared files",
        jobId, jobDirectory, retained.size(), shared.size());
  }

  private void trimRetained() throws IOException {
    while (retained.size() > retainedCheckpoints) {
      CompletedCheckpoint oldest = retained.removeFirst();
      // Metadata first: from then on the directory is not a checkpoint, whatever happens next.
      Files.deleteIfExists(oldest.directory().resolve(MetadataFile.NAME));
      DurableFiles.fsyncDirectory(oldest.directory());
      DurableFiles.deleteRecursively(oldest.directory());
      List<String> names = new ArrayList<>();
      for (FileEntry file : sharedFilesOf(oldest.metadata())) {
        names.add(file.name());
      }
      releaseShared(names);
      LOG.debug("Deleted checkpoint {} of job {} (retaining {})", oldest.checkpointId(), jobId, retainedCheckpoints);
    }
  }

  private static List<FileEntry> sharedFilesOf(CheckpointMetadata metadata) {
    List<FileEntry> files = new ArrayList<>();
    for (OperatorFiles operator : metadata.operators().values()) {
      for (SubtaskFiles subtask : operator.subtasks()) {
        files.addAll(subtask.sharedFiles());
      }
    }
    return files;
  }

  /** The newest usable completed checkpoint under a job directory; {@code jobId} null: any. */
  private static Optional<CompletedCheckpoint> latestIn(Path jobDirectory, String jobId) throws IOException {
    TreeMap<Long, Path> directories = checkpointDirectories(jobDirectory);
    List<String> reasons = new ArrayList<>();
    for (Path directory : directories.descendingMap().values()) {
      if (!Files.exists(directory.resolve(MetadataFile.NAME))) {
        continue; // pending, or left by a crash: never a candidate
      }
      try {
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(directory, MetadataFile.read(directory));
        if (jobId != null && !jobId.equals(checkpoint.metadata().jobId())) {
          throw new CorruptCheckpointException(directory.resolve(MetadataFile.NAME),
              "it belongs to job " + checkpoint.metadata().jobId() + ", not " + jobId);
        }
        checkpoint.verifyFiles();
        if (!reasons.isEmpty()) {
          LOG.warn("Restoring from older checkpoint {} because newer ones are unusable: {}", directory, reasons);
        }
        return Optional.of(checkpoint);
      } catch (CorruptCheckpointException e) {
        LOG.warn("Checkpoint {} is unusable, trying an older one: {}", directory, e.getMessage());
        reasons.add(directory + ": " + e.getMessage());
      }
    }
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    throw new CheckpointStorageException("no usable checkpoint in " + jobDirectory + ": " + String.join("; ", reasons)
        + ". Restore from a savepoint, or delete " + jobDirectory + " to start the job without state");
  }

  /** The {@code chk-<n>} directories under {@code jobDirectory}, by id. */
  private static TreeMap<Long, Path> checkpointDirectories(Path jobDirectory) throws IOException {
    TreeMap<Long, Path> directories = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(jobDirectory)) {
      for (Path entry : entries) {
        Matcher matcher = CHECKPOINT_NAME.matcher(entry.getFileName().toString());
        if (matcher.matches() && Files.isDirectory(entry)) {
          directories.put(Long.parseLong(matcher.group(1)), entry);
        }
      }
    }
    return directories;
  }

  private static void checkWritableDirectory(Path directory, String what) throws CheckpointStorageException {
    if (!Files.exists(directory)) {
      throw new CheckpointStorageException(what + " " + directory
          + " does not exist; create it (mkdir -p " + directory + ") or configure an existing directory");
    }
    if (!Files.isDirectory(directory)) {
      throw new CheckpointStorageException(what + " " + directory
          + " is a file, not a directory; configure a directory");
    }
    Path probe = directory.resolve(".millrace-write-probe" + IN_PROGRESS);
    try {
      Files.deleteIfExists(probe);
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw notWritable(directory, what, e);
    }
    if (!Files.isWritable(directory)) {
      throw notWritable(directory, what, null);
    }
  }

  private static CheckpointStorageException notWritable(Path directory, String what, Exception cause) {
    return new CheckpointStorageException(what + " " + directory + " is not writable by this process (user "
        + System.getProperty("user.name") + "); grant write permission or configure another directory", cause);
  }

  static void checkFileName(String what, String name) {
    if (name == null || !FILE_NAME.matcher(name).matches() || name.startsWith(".")
        || name.endsWith(IN_PROGRESS) || name.equals(MetadataFile.NAME)) {
      throw new IllegalArgumentException(what + " must be 1-200 letters, digits, '.', '_' or '-', not starting"
          + " with '.' nor ending with '" + IN_PROGRESS + "', got " + name);
    }
  }

  private static void checkCheckpointId(long checkpointId) {
    if (checkpointId < 1) {
      throw new IllegalArgumentException("checkpoint id must be positive, got " + checkpointId);
    }
  }
}

package io.millrace.runtime.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a completed checkpoint or savepoint holds: the content of its {@code _metadata} file.
 * Immutable.
 *
 * @param checkpointId the checkpoint's id (positive; the n of {@code chk-<n>})
 * @param jobId the job's id, the directory name under the checkpoint directory
 * @param jobFingerprint a string the runtime derives from the job (e.g. its operator uids), to
 *     tell a savepoint of another job apart
 * @param timestamp when the checkpoint was triggered, epoch milliseconds
 * @param savepoint true for a savepoint: self-contained, no shared files
 * @param operators per operator uid, its state files (sorted by uid)
 */
public record CheckpointMetadata(
    long checkpointId,
    String jobId,
    String jobFingerprint,
    long timestamp,
    boolean savepoint,
    Map<String, OperatorFiles> operators) {

  /** Validates and copies (sorted by uid). */
  public CheckpointMetadata {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(jobFingerprint, "jobFingerprint");
    operators = java.util.Collections.unmodifiableMap(new TreeMap<>(operators));
  }

  /**
   * The files of one operator.
   *
   * @param parallelism how many subtasks it had
   * @param maxParallelism its number of key groups
   * @param subtasks per subtask that wrote anything, ascending by index
   */
  public record OperatorFiles(int parallelism, int maxParallelism, List<SubtaskFiles> subtasks) {
    /** Copies the list. */
    public OperatorFiles {
      subtasks = List.copyOf(subtasks);
    }
  }

  /**
   * The files of one subtask of one operator.
   *
   * @param subtask its index
   * @param files its own files, in the checkpoint's directory, in the order they were added
   * @param sharedFiles the files in {@code shared/} it uses (empty in a savepoint)
   */
  public record SubtaskFiles(int subtask, List<FileEntry> files, List<FileEntry> sharedFiles) {
    /** Copies the lists. */
    public SubtaskFiles {
      files = List.copyOf(files);
      sharedFiles = List.copyOf(sharedFiles);
    }
  }

  /**
   * One file.
   *
   * @param name its name: the file name in the checkpoint's directory, or in {@code shared/}
   * @param logicalName for a subtask file, the name the runtime gave it (e.g. {@code keyed}, or
   *     the RocksDB file name); for a shared file, the name in the backend
   * @param size its length in bytes
   * @param crc32c the CRC32C of its bytes, 8 lowercase hex digits
   */
  public record FileEntry(String name, String logicalName, long size, String crc32c) {}
}

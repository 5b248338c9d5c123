package io.millrace.runtime.checkpoint;

import io.millrace.runtime.checkpoint.CheckpointMetadata.FileEntry;
import io.millrace.runtime.checkpoint.CheckpointMetadata.OperatorFiles;
import io.millrace.runtime.checkpoint.CheckpointMetadata.SubtaskFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A completed checkpoint or savepoint on disk: its directory and its verified metadata. Where
 * the files of a subtask are is answered here; that their content is intact only after
 * {@link #verifyFiles()}.
 *
 * @param directory the {@code chk-<n>} or savepoint directory
 * @param metadata what its {@code _metadata} says
 */
public record CompletedCheckpoint(Path directory, CheckpointMetadata metadata) {

  /** Validates. */
  public CompletedCheckpoint {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(metadata, "metadata");
  }

  /** The checkpoint's id. */
  public long checkpointId() {
    return metadata.checkpointId();
  }

  /** Whether this is a savepoint. */
  public boolean isSavepoint() {
    return metadata.savepoint();
  }

  /** Where the shared (incremental) files of a checkpoint live: {@code <job-dir>/shared}. */
  public Path sharedDirectory() {
    return directory.resolveSibling(CheckpointStorage.SHARED_DIRECTORY);
  }

  /**
   * The paths of the own files of {@code subtask} of operator {@code uid}, in the order they
   * were added; empty if it wrote none (or the operator is not in the checkpoint).
   */
  public List<Path> stateFiles(String uid, int subtask) {
    List<Path> paths = new ArrayList<>();
    for (FileEntry file : subtaskFiles(uid, subtask).files()) {
      paths.add(directory.resolve(file.name()));
    }
    return paths;
  }

  /** The paths of the shared files {@code subtask} of operator {@code uid} uses. */
  public List<Path> sharedFiles(String uid, int subtask) {
    List<Path> paths = new ArrayList<>();
    for (FileEntry file : subtaskFiles(uid, subtask).sharedFiles()) {
      paths.add(sharedDirectory().resolve(file.name()));
    }
    return paths;
  }

  /** The files of {@code subtask} of {@code uid}, with their logical names; empty if none. */
  public SubtaskFiles subtaskFiles(String uid, int subtask) {
    OperatorFiles operator = metadata.operators().get(uid);
    if (operator != null) {
      for (SubtaskFiles files : operator.subtasks()) {
        if (files.subtask() == subtask) {
          return files;
        }
      }
    }
    return new SubtaskFiles(subtask, List.of(), List.of());
  }

  /**
   * Reads every file the metadata names and checks its size and CRC32C.
   *
   * @throws CorruptCheckpointException naming the first file that is missing or differs
   */
  public void verifyFiles() throws IOException {
    for (OperatorFiles operator : metadata.operators().values()) {
      for (SubtaskFiles subtask : operator.subtasks()) {
        for (FileEntry file : subtask.files()) {
          verify(directory.resolve(file.name()), file);
        }
        for (FileEntry file : subtask.sharedFiles()) {
          verify(sharedDirectory().resolve(file.name()), file);
        }
      }
    }
  }

  private static void verify(Path path, FileEntry expected) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new CorruptCheckpointException(path, "the file is missing");
    }
    DurableFiles.Digest actual = DurableFiles.digest(path);
    if (actual.size() != expected.size()) {
      throw new CorruptCheckpointException(path, "size " + actual.size()
          + " bytes, the metadata recorded " + expected.size() + " (truncated or overwritten)");
    }
    if (!actual.crc32c().equals(expected.crc32c())) {
      throw new CorruptCheckpointException(path, "CRC32C " + actual.crc32c()
          + ", the metadata recorded " + expected.crc32c() + " (corrupted)");
    }
  }
}

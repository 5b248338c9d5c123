package io.millrace.runtime.execution;

import io.millrace.runtime.checkpoint.CheckpointMetadata;
import io.millrace.runtime.checkpoint.CompletedCheckpoint;
import io.millrace.runtime.checkpoint.DurableFiles;
import io.millrace.runtime.task.ChainSnapshot;
import io.millrace.state.internal.snapshot.SnapshotInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state a job attempt starts from: a completed checkpoint or savepoint, read per operator
 * uid. Every subtask of the new run gets the files of every subtask of the old run (keyed
 * backends keep their key groups, operator state is redistributed, timers are filtered by key
 * group), except native RocksDB checkpoints, which restore subtask by subtask.
 */
final class RestoredState {
  private static final Logger LOG = LoggerFactory.getLogger(RestoredState.class);

  private final CompletedCheckpoint checkpoint;

  private RestoredState(CompletedCheckpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  /**
   * The state of {@code checkpoint} for a job whose operators have {@code uids}.
   *
   * @throws IllegalStateException if the checkpoint holds state of an operator the job does not
   *     have and {@code allowNonRestoredState} is false
   */
  static RestoredState of(CompletedCheckpoint checkpoint, Set<String> uids, boolean allowNonRestoredState) {
    Set<String> orphans = new TreeSet<>(checkpoint.metadata().operators().keySet());
    orphans.removeAll(uids);
    if (!orphans.isEmpty()) {
      String message = (checkpoint.isSavepoint() ? "The savepoint " : "The checkpoint ") + checkpoint.directory()
          + " holds state of operators this job does not have: " + orphans + " (the job's operators: "
          + new TreeSet<>(uids) + "). Give those operators the same uid(...) as in the job that wrote it, or "
          + "restore with restoreFrom(path, true) to drop that state";
      if (!allowNonRestoredState) {
        throw new IllegalStateException(message);
      }
      LOG.warn("{}; skipping it as allowed", message);
    }
    return new RestoredState(checkpoint);
  }

  CompletedCheckpoint checkpoint() {
    return checkpoint;
  }

  /** Whether the checkpoint has state of {@code uid}. */
  boolean has(String uid) {
    return checkpoint.metadata().operators().containsKey(uid);
  }

  /** The operator's parallelism and key groups in the checkpoint. */
  CheckpointMetadata.OperatorFiles operator(String uid) {
    return checkpoint.metadata().operators().get(uid);
  }

  /** The files named {@code logicalName} of every old subtask of {@code uid}, in subtask order. */
  List<Path> files(String uid, String logicalName) {
    List<Path> paths = new ArrayList<>();
    CheckpointMetadata.OperatorFiles operator = operator(uid);
    if (operator == null) {
      return paths;
    }
    for (int subtask = 0; subtask < operator.parallelism(); subtask++) {
      for (CheckpointMetadata.FileEntry file : checkpoint.subtaskFiles(uid, subtask).files()) {
        if (file.logicalName().equals(logicalName)) {
          paths.add(checkpoint.directory().resolve(file.name()));
        }
      }
    }
    return paths;
  }

  /** {@link #files} as snapshot inputs. */
  List<SnapshotInput> inputs(String uid, String logicalName) throws IOException {
    List<SnapshotInput> inputs = new ArrayList<>();
    for (Path file : files(uid, logicalName)) {
      inputs.add(SnapshotInput.ofFile(file));
    }
    return inputs;
  }

  /** Whether subtask {@code subtask} of {@code uid} wrote a native RocksDB checkpoint. */
  boolean isNative(String uid, int subtask) {
    for (CheckpointMetadata.FileEntry file : checkpoint.subtaskFiles(uid, subtask).files()) {
      if (file.logicalName().startsWith(ChainSnapshot.NATIVE_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Puts the files of the native checkpoint of {@code subtask} of {@code uid} together in a new
   * temporary directory (hard links where possible), under the names RocksDB gave them.
   */
  Path assembleNative(String uid, int subtask) throws IOException {
    Path directory = Files.createTempDirectory("millrace-restore-");
    CheckpointMetadata.SubtaskFiles files = checkpoint.subtaskFiles(uid, subtask);
    for (CheckpointMetadata.FileEntry file : files.files()) {
      if (file.logicalName().startsWith(ChainSnapshot.NATIVE_PREFIX)) {
        DurableFiles.linkOrCopy(checkpoint.directory().resolve(file.name()),
            directory.resolve(file.logicalName().substring(ChainSnapshot.NATIVE_PREFIX.length())));
      }
    }
    for (CheckpointMetadata.FileEntry file : files.sharedFiles()) {
      String shared = file.logicalName();
      DurableFiles.linkOrCopy(checkpoint.sharedDirectory().resolve(file.name()), directory.resolve(shared.substring(shared.indexOf('-') + 1)));
    }
    return directory;
  }


  /** The enumerator state of source {@code uid}, or null. */
  byte[] enumeratorState(String uid) throws IOException {
    List<Path> files = files(uid, SourceCoordinator.ENUMERATOR_STATE);
    return files.isEmpty() ? null : Files.readAllBytes(files.get(0));
  }

  /** Operators of the checkpoint, for logging. */
  Map<String, CheckpointMetadata.OperatorFiles> operators() {
    return checkpoint.metadata().operators();
  }
}

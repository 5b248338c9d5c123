package io.millrace.runtime.operators;

import io.millrace.runtime.time.InternalTimerService;
import io.millrace.runtime.time.TimerSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an operator subtask registers with its task for checkpoints: its timer services (whose
 * timers go into snapshots) and actions for when the whole job has finished (a two-phase-commit
 * sink commits its last transaction there). One per operator subtask; task thread only.
 */
public final class OperatorServices {
  /** An action run once the job has finished successfully. */
  @FunctionalInterface
  public interface JobFinishedAction {
    void run() throws Exception;
  }

  private final Consumer<JobFinishedAction> jobFinishedActions;
  private final boolean checkpointingEnabled;
  private final List<Path> restoredTimerFiles;
  private final boolean restored;
  private final List<InternalTimerService<?, ?>> timerServices = new ArrayList<>();

  /**
   * @param jobFinishedActions receives the actions to run when the job has finished
   * @param checkpointingEnabled whether the job takes checkpoints
   * @param restored whether the operator's state was restored
   * @param restoredTimerFiles the timer files of every subtask of the restored run (empty if none)
   */
  public OperatorServices(
      Consumer<JobFinishedAction> jobFinishedActions, boolean checkpointingEnabled, boolean restored,
      List<Path> restoredTimerFiles) {
    this.restored = restored;
    this.jobFinishedActions = jobFinishedActions;
    this.checkpointingEnabled = checkpointingEnabled;
    this.restoredTimerFiles = List.copyOf(restoredTimerFiles);
  }

  /** Services of an operator outside a checkpointed job (tests, harnesses): actions run never. */
  public static OperatorServices standalone() {
    return new OperatorServices(action -> {}, false, false, List.of());
  }

  /** Whether the operator's state was restored from a checkpoint or savepoint that had it. */
  public boolean restored() {
    return restored;
  }

  /** Whether the job takes checkpoints. */
  public boolean checkpointingEnabled() {
    return checkpointingEnabled;
  }

  /** Runs {@code action} after every task of the job has finished (not after a failure or cancellation). */
  public void runWhenJobFinished(JobFinishedAction action) {
    jobFinishedActions.accept(action);
  }

  /**
   * Registers a timer service whose timers are snapshotted with the operator (names must be
   * unique per operator) and, on restore, gives it its restored timers.
   */
  public void registerTimerService(InternalTimerService<?, ?> service) {
    for (InternalTimerService<?, ?> existing : timerServices) {
      if (existing.name().equals(service.name())) {
        throw new IllegalStateException("two timer services named '" + service.name() + "' in one operator");
      }
    }
    timerServices.add(service);
    if (!restoredTimerFiles.isEmpty()) {
      try {
        TimerSnapshots.restore(service, restoredTimerFiles);
      } catch (IOException e) {
        throw new UncheckedIOException("restoring the timers '" + service.name() + "' failed: " + e.getMessage(), e);
      }
    }
  }

  /** The operator's timer services, in registration order. */
  public List<InternalTimerService<?, ?>> timerServices() {
    return timerServices;
  }
}

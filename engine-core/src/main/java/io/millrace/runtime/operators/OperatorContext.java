package io.millrace.runtime.operators;

import io.millrace.runtime.time.ProcessingClock;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.OperatorStateBackend;
import java.util.concurrent.Executor;

/**
 * What an operator subtask gets from its task: its identity, its state backends, the clock and
 * the task's mailbox (to run actions, such as timer firings, on the task's thread).
 *
 * @param operatorName readable name, e.g. {@code process@3 (ClickCounter)}
 * @param subtaskIndex this subtask's index
 * @param parallelism the operator's parallelism
 * @param maxParallelism the operator's number of key groups
 * @param keyedStateBackend the keyed state, or null for a non-keyed operator
 * @param operatorStateBackend the operator (broadcast) state
 * @param clock processing time
 * @param mailbox runs an action on the task's thread, between records
 * @param services what the operator registers for checkpoints (timer services, job-end actions)
 */
public record OperatorContext(
    String operatorName,
    int subtaskIndex,
    int parallelism,
    int maxParallelism,
    KeyedStateBackend<?> keyedStateBackend,
    OperatorStateBackend operatorStateBackend,
    ProcessingClock clock,
    Executor mailbox,
    OperatorServices services) {

  /** A context with {@link OperatorServices#standalone() standalone} services (tests, harnesses). */
  public OperatorContext(
      String operatorName, int subtaskIndex, int parallelism, int maxParallelism,
      KeyedStateBackend<?> keyedStateBackend, OperatorStateBackend operatorStateBackend, ProcessingClock clock,
      Executor mailbox) {
    this(operatorName, subtaskIndex, parallelism, maxParallelism, keyedStateBackend, operatorStateBackend, clock,
        mailbox, OperatorServices.standalone());
  }

  /** The keyed backend, typed; fails clearly if the operator is not keyed. */
  @SuppressWarnings("unchecked")
  public <K> KeyedStateBackend<K> keyedBackend() {
    if (keyedStateBackend == null) {
      throw new IllegalStateException(
          "Keyed state and timers are only available on a keyed stream, but " + operatorName
              + " is not keyed: call keyBy(...) before it");
    }
    return (KeyedStateBackend<K>) keyedStateBackend;
  }
}

package io.millrace.cep.internal.nfa;

import io.millrace.cep.internal.buffer.DeweyNumber;
import io.millrace.cep.internal.buffer.EventId;
import io.millrace.cep.internal.buffer.NodeId;
import java.util.Comparator;

/**
 * One run of the NFA (a partial match, or a completed one waiting to be emitted): the state it
 * is in, the last node it took in the shared buffer, its version, and when and with which event
 * it started. Immutable; equal runs are equal values.
 *
 * @param state the index of the NFA state
 * @param previousBufferEntry the node of the last event taken, null for the start state
 * @param version the run's Dewey version
 * @param startTimestamp the timestamp of the first event, -1 for the start state
 * @param previousTimestamp the timestamp of the last event taken, -1 for the start state
 * @param startEventId the first event, null for the start state
 */
public record ComputationState(
    int state, NodeId previousBufferEntry, DeweyNumber version, long startTimestamp, long previousTimestamp,
    EventId startEventId) {

  /**
   * Runs by their first event (timestamp, then number), the start state last: the order in which
   * Flink keeps partial and completed matches, which decides which completed match is emitted
   * first.
   */
  public static final Comparator<ComputationState> BY_START_EVENT = (a, b) -> {
    long aTime = a.startEventId != null ? a.startEventId.timestamp() : Long.MAX_VALUE;
    long bTime = b.startEventId != null ? b.startEventId.timestamp() : Long.MAX_VALUE;
    int byTime = Long.compare(aTime, bTime);
    if (byTime != 0) {
      return byTime;
    }
    int aId = a.startEventId != null ? a.startEventId.id() : Integer.MAX_VALUE;
    int bId = b.startEventId != null ? b.startEventId.id() : Integer.MAX_VALUE;
    return Integer.compare(aId, bId);
  };

  /** The run waiting in the start state {@code state}, with {@code version}. */
  public static ComputationState start(int state, DeweyNumber version) {
    return new ComputationState(state, null, version, -1L, -1L, null);
  }
}

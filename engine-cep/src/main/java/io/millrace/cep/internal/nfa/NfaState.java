package io.millrace.cep.internal.nfa;

import java.util.PriorityQueue;

/**
 * The matching state of one key: the open runs (partial matches, the start state among them)
 * and the completed matches a skip strategy holds back, each in a priority queue ordered by
 * {@link ComputationState#BY_START_EVENT}. The queues' internal (heap array) order is part of the
 * state: runs are advanced in that order, as Flink does, and it is kept through serialization.
 * Mutable; lives in keyed state.
 */
public final class NfaState {
  private PriorityQueue<ComputationState> partialMatches;
  private final PriorityQueue<ComputationState> completedMatches;
  private boolean stateChanged;
  private boolean newStartPartialMatch;

  /** A state of the given queues. */
  public NfaState(PriorityQueue<ComputationState> partialMatches, PriorityQueue<ComputationState> completedMatches) {
    this.partialMatches = partialMatches;
    this.completedMatches = completedMatches;
  }

  /** A fresh queue with {@link ComputationState#BY_START_EVENT} order. */
  public static PriorityQueue<ComputationState> newQueue() {
    return new PriorityQueue<>(ComputationState.BY_START_EVENT);
  }

  /** The open runs. */
  public PriorityQueue<ComputationState> partialMatches() {
    return partialMatches;
  }

  /** The completed matches held back by a skip strategy. */
  public PriorityQueue<ComputationState> completedMatches() {
    return completedMatches;
  }

  void setPartialMatches(PriorityQueue<ComputationState> partialMatches) {
    this.partialMatches = partialMatches;
  }

  /** Whether a step changed the state, so that it must be written back. */
  public boolean isStateChanged() {
    return stateChanged;
  }

  void setStateChanged() {
    stateChanged = true;
  }

  /** Whether a step started a new partial match (the operator then registers its window's timer). */
  public boolean isNewStartPartialMatch() {
    return newStartPartialMatch;
  }

  void setNewStartPartialMatch() {
    newStartPartialMatch = true;
  }

  /** Clears both flags, once the state has been written back. */
  public void resetFlags() {
    stateChanged = false;
    newStartPartialMatch = false;
  }

  /** The number of open partial matches (runs other than the start state). */
  public int numPartialMatches() {
    int count = 0;
    for (ComputationState run : partialMatches) {
      if (run.startEventId() != null) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "NfaState{partial=" + partialMatches + ", completed=" + completedMatches + "}";
  }
}

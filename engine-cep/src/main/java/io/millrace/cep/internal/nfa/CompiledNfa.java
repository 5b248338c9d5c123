package io.millrace.cep.internal.nfa;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import java.io.Serializable;
import java.util.List;

/**
 * A pattern compiled to an NFA: its states (the start state among them), the time windows and
 * the skip strategy. Immutable once built; serializable, so that it travels with the operator
 * factory and each subtask can get its own copy (with its own rich conditions).
 *
 * @param states the states, each at its {@link State#index()}
 * @param start the index of the start state
 * @param windowTime the {@code FIRST_AND_LAST} window in ms (the smallest of the pattern's), 0 if none
 * @param stateWindowTimes per state index, its {@code PREVIOUS_AND_CURRENT} window in ms, 0 if none
 * @param stageNames the stage names, indexed by {@link State#stageIndex()}
 * @param skipStrategy the after-match skip strategy
 * @param <T> the event type
 */
public record CompiledNfa<T>(
    List<State<T>> states, int start, long windowTime, long[] stateWindowTimes, List<String> stageNames,
    AfterMatchSkipStrategy skipStrategy) implements Serializable {

  /** The state at {@code index}. */
  public State<T> state(int index) {
    return states.get(index);
  }

  /** The {@code PREVIOUS_AND_CURRENT} window of the state at {@code index}, 0 if none. */
  public long stateWindowTime(int index) {
    return stateWindowTimes[index];
  }
}

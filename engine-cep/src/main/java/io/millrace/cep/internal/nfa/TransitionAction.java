package io.millrace.cep.internal.nfa;

/** What a transition of the NFA does with the event it is evaluated for. */
public enum TransitionAction {
  /** Takes the event into the source state's stage and moves to the target state. */
  TAKE,
  /** Skips the event and moves to the target state (often the source itself). */
  IGNORE,
  /** Moves to the target state without consuming the event (an epsilon transition). */
  PROCEED
}

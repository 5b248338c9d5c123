package io.millrace.cep.internal.nfa;

import io.millrace.cep.pattern.conditions.IterativeCondition;
import java.io.Serializable;

/**
 * A transition of the NFA: an action, its source and target states and the condition under
 * which it applies. The condition is replaced only while the pattern compiles (greedy stages).
 *
 * @param <T> the event type
 */
public final class StateTransition<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TransitionAction action;
  private final State<T> source;
  private final State<T> target;
  private IterativeCondition<T> condition;

  StateTransition(State<T> source, TransitionAction action, State<T> target, IterativeCondition<T> condition) {
    this.action = action;
    this.source = source;
    this.target = target;
    this.condition = condition;
  }

  /** The action. */
  public TransitionAction action() {
    return action;
  }

  /** The state the transition leaves. */
  public State<T> source() {
    return source;
  }

  /** The state the transition leads to. */
  public State<T> target() {
    return target;
  }

  /** The condition, never null. */
  public IterativeCondition<T> condition() {
    return condition;
  }

  void setCondition(IterativeCondition<T> condition) {
    this.condition = condition;
  }

  @Override
  public String toString() {
    return action + " " + source.name() + " -> " + target.name() + " if " + condition;
  }
}

package io.millrace.cep.internal.nfa;

import io.millrace.cep.pattern.conditions.IterativeCondition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A state of the compiled NFA: a unique internal name, the stage whose events it takes, its
 * type and its outgoing transitions in the order the compiler added them (the order matters: it
 * decides the order of the NFA's branches, and so of Flink's output). Built by
 * {@link NfaCompiler}; read-only once compiled.
 *
 * @param <T> the event type
 */
public final class State<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of state. */
  public enum Type {
    /** Where every match begins. */
    START,
    /** A complete match. */
    FINAL,
    /** Any other state. */
    NORMAL,
    /** Reached by an event a negative stage forbids: the partial match is discarded. */
    STOP,
    /** The end of a pattern that ends with {@code notFollowedBy}: complete once its window passes. */
    PENDING
  }

  private final String name;
  private final String stage;
  private final boolean suffixedName;
  private final List<StateTransition<T>> transitions = new ArrayList<>();
  private Type type;
  private int index = -1;
  private int stageIndex = -1;

  State(String name, String stage, boolean suffixedName, Type type) {
    this.name = name;
    this.stage = stage;
    this.suffixedName = suffixedName;
    this.type = type;
  }

  /** The unique internal name ({@code stage}, or {@code stage:n} for its further states). */
  public String name() {
    return name;
  }

  /** The name of the stage whose events this state takes. */
  public String stage() {
    return stage;
  }

  /** Whether the internal name got a suffix (the stage already had a state of its name). */
  boolean suffixedName() {
    return suffixedName;
  }

  /** The state's type. */
  public Type type() {
    return type;
  }

  /** The transitions, in order. */
  public List<StateTransition<T>> transitions() {
    return transitions;
  }

  /** The state's position in the compiled NFA's state list. */
  public int index() {
    return index;
  }

  /** The position of {@link #stage()} in the compiled NFA's stage names. */
  public int stageIndex() {
    return stageIndex;
  }

  /** Whether matches begin here. */
  public boolean isStart() {
    return type == Type.START;
  }

  /** Whether this state is a complete match. */
  public boolean isFinal() {
    return type == Type.FINAL;
  }

  /** Whether reaching this state discards the partial match. */
  public boolean isStop() {
    return type == Type.STOP;
  }

  /** Whether this state completes a match once its window passes. */
  public boolean isPending() {
    return type == Type.PENDING;
  }

  void makeStart() {
    type = Type.START;
  }

  void setIndexes(int index, int stageIndex) {
    this.index = index;
    this.stageIndex = stageIndex;
  }

  void addTransition(TransitionAction action, State<T> target, IterativeCondition<T> condition) {
    transitions.add(new StateTransition<>(this, action, target, condition));
  }

  void addTake(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.TAKE, target, condition);
  }

  void addTake(IterativeCondition<T> condition) {
    addTransition(TransitionAction.TAKE, this, condition);
  }

  void addIgnore(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.IGNORE, target, condition);
  }

  void addIgnore(IterativeCondition<T> condition) {
    addTransition(TransitionAction.IGNORE, this, condition);
  }

  void addProceed(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.PROCEED, target, condition);
  }

  @Override
  public String toString() {
    return name + "(" + type + ")" + transitions;
  }
}

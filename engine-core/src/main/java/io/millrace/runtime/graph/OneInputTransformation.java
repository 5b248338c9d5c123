package io.millrace.runtime.graph;

import io.millrace.api.functions.KeySelector;
import io.millrace.runtime.operators.OperatorFactory;
import java.util.List;

/**
 * An operator with one input; keyed when {@link #stateKeySelector()} is set. Sinks are
 * one-input operators whose output nobody reads.
 *
 * @param <IN> input type
 * @param <T> output type
 */
public final class OneInputTransformation<IN, T> extends Transformation<T> {
  private final Transformation<IN> input;
  private final OperatorFactory<T> factory;
  private final KeySelector<IN, ?> stateKeySelector;
  private final boolean sink;

  public OneInputTransformation(
      int id, String kind, String functionDescription, int generation,
      Transformation<IN> input, OperatorFactory<T> factory, KeySelector<IN, ?> stateKeySelector, boolean sink) {
    super(id, kind, functionDescription, generation);
    this.input = input;
    this.factory = factory;
    this.stateKeySelector = stateKeySelector;
    this.sink = sink;
  }

  public Transformation<IN> input() {
    return input;
  }

  public OperatorFactory<T> factory() {
    return factory;
  }

  /** The key selector of keyed state, or null if the operator is not keyed. */
  public KeySelector<IN, ?> stateKeySelector() {
    return stateKeySelector;
  }

  /** Whether this is a sink. */
  public boolean isSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input);
  }
}

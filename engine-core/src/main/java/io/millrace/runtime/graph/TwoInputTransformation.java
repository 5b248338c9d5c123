package io.millrace.runtime.graph;

import io.millrace.runtime.operators.OperatorFactory;
import java.util.List;

/**
 * An operator with two inputs (connect, broadcast connect).
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <T> output type
 */
public final class TwoInputTransformation<IN1, IN2, T> extends Transformation<T> {
  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final OperatorFactory<T> factory;
  private final boolean keyed;

  public TwoInputTransformation(
      int id, String kind, String functionDescription, int generation,
      Transformation<IN1> input1, Transformation<IN2> input2, OperatorFactory<T> factory, boolean keyed) {
    super(id, kind, functionDescription, generation);
    this.input1 = input1;
    this.input2 = input2;
    this.factory = factory;
    this.keyed = keyed;
  }

  public OperatorFactory<T> factory() {
    return factory;
  }

  /** Whether the operator keeps keyed state. */
  public boolean isKeyed() {
    return keyed;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input1, input2);
  }
}

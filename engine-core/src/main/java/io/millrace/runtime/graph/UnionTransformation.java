package io.millrace.runtime.graph;

import java.util.List;

/**
 * Merges streams of one type. Virtual: each input becomes an edge into the next operator.
 *
 * @param <T> element type
 */
public final class UnionTransformation<T> extends Transformation<T> {
  private final List<Transformation<T>> unionInputs;

  public UnionTransformation(int id, int generation, List<Transformation<T>> inputs) {
    super(id, "union", inputs.size() + " inputs", generation);
    this.unionInputs = List.copyOf(inputs);
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.copyOf(unionInputs);
  }
}

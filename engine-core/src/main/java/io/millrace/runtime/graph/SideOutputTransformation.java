package io.millrace.runtime.graph;

import io.millrace.api.OutputTag;
import java.util.List;

/**
 * Selects a side output of an operator. Virtual: it marks the edges into the next operator as
 * carrying that side output.
 *
 * @param <T> element type
 */
public final class SideOutputTransformation<T> extends Transformation<T> {
  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(int id, int generation, Transformation<?> input, OutputTag<T> tag) {
    super(id, "sideOutput", tag.getId(), generation);
    this.input = input;
    this.tag = tag;
  }

  public OutputTag<T> tag() {
    return tag;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public List<Transformation<?>> inputs() {
    return List.of(input);
  }
}

package io.millrace.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output of an operator: elements emitted with {@code ctx.output(tag, value)}
 * are read with {@code operator.getSideOutput(tag)}. Two tags are the same output when their
 * ids are equal.
 *
 * <pre>{@code
 * OutputTag<String> late = new OutputTag<>("late", String.class);
 * // or, keeping the generic type: new OutputTag<List<String>>("batches") {}
 * }</pre>
 *
 * @param <T> the side output's element type
 */
public class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final Class<T> type;

  /** A tag for subclassing ({@code new OutputTag<X>("id") {}}) where the type is generic. */
  public OutputTag(String id) {
    this(id, null);
  }

  /** A tag called {@code id} for elements of {@code type}. */
  public OutputTag(String id, Class<T> type) {
    Objects.requireNonNull(id, "OutputTag id must not be null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("OutputTag id must not be empty");
    }
    this.id = id;
    this.type = type;
  }

  /** The id naming the side output. */
  public String getId() {
    return id;
  }

  /** The element type, or {@code null} if it was not given. */
  public Class<T> getType() {
    return type;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutputTag<?> that && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}

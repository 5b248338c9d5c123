package io.millrace.state;

import io.millrace.api.functions.ReduceFunction;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Describes a {@link ReducingState}.
 *
 * <pre>{@code
 * new ReducingStateDescriptor<>("sum", (a, b) -> a + b, Long.class)
 * }</pre>
 *
 * @param <T> the value type
 */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  /** A reducing state called {@code name} combining values with {@code reduceFunction}. */
  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
    super(name, typeClass);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction must not be null");
  }

  /** A reducing state called {@code name} whose values are written by {@code serializer}. */
  public ReducingStateDescriptor(
      String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
    super(name, serializer);
    this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction must not be null");
  }

  /** The function combining values. */
  public ReduceFunction<T> getReduceFunction() {
    return reduceFunction;
  }

  @Override
  public Kind getKind() {
    return Kind.REDUCING;
  }
}

package io.millrace.runtime.graph;

import io.millrace.api.functions.KeySelector;
import java.util.List;

/**
 * Repartitions its input: keyBy, rebalance, shuffle, broadcast or global. Virtual: it becomes
 * the partitioner of the edges into the next operator.
 *
 * @param <T> element type
 */
public final class PartitionTransformation<T> extends Transformation<T> {
  /** How records are distributed. */
  public enum Strategy {
    FORWARD,
    REBALANCE,
    SHUFFLE,
    BROADCAST,
    GLOBAL,
    KEY_GROUPS
  }

  private final Transformation<T> input;
  private final Strategy strategy;
  private final KeySelector<T, ?> keySelector;

  public PartitionTransformation(
      int id, String functionDescription, int generation,
      Transformation<T> input, Strategy strategy, KeySelector<T, ?> keySelector) {
    super(id, strategy == Strategy.KEY_GROUPS ? "keyBy" : strategy.name().toLowerCase(java.util.Locale.ROOT),
        functionDescription, generation);
    this.input = input;
    this.strategy = strategy;
    this.keySelector = keySelector;
  }

  public Transformation<T> input() {
    return input;
  }

  public Strategy strategy() {
    return strategy;
  }

  /** The key selector for {@link Strategy#KEY_GROUPS}, else null. */
  public KeySelector<T, ?> keySelector() {
    return keySelector;
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

package io.millrace.runtime.graph;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;

/**
 * A connection from one operator's (main or side) output to one input of another.
 *
 * @param source the producing node
 * @param target the consuming node
 * @param inputIndex 1, or 2 for the second input of a two-input operator
 * @param strategy how records are distributed over the target's subtasks
 * @param keySelector the key selector for key-group partitioning, else null
 * @param partitionName the readable name of the keyBy/rebalance step, for errors
 * @param outputTag the side output carried, or null for the main output
 */
public record StreamEdge(
    StreamNode source,
    StreamNode target,
    int inputIndex,
    PartitionTransformation.Strategy strategy,
    KeySelector<?, ?> keySelector,
    String partitionName,
    OutputTag<?> outputTag) {

  /** Whether source and target run in one chain (a method call, no channel). */
  public boolean isChained() {
    return source.vertex == target.vertex;
  }

  @Override
  public String toString() {
    return source.name() + " -[" + strategy + (outputTag != null ? " " + outputTag.getId() : "") + "]-> " + target.name();
  }
}

package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.channel.RecordWriter;
import io.millrace.runtime.operators.ChainedInput;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link Output} of an operator from its edges: the common single-target case gets a
 * direct output (the next operator's own {@link ChainedInput}, or a writer), several targets get
 * a broadcasting one, and side outputs are routed by tag.
 */
public final class OutputFactory {

  /** An output into the next operator of the chain (a class of that operator's own). */
  public Output<Object> chained(OneInputStreamOperator<Object, ?> next) {
    return next.chainedInput();
  }

  /** An output into another task through {@code writer}. */
  public Output<Object> network(RecordWriter<Object> writer) {
    return new WriterOutput<>(writer, SideOutputs.NONE);
  }

  /** The operator's output: {@code mains} for the main output, {@code sides} by tag. */
  public Output<Object> combine(List<Output<Object>> mains, Map<OutputTag<?>, List<Output<Object>>> sides) {
    SideOutputs sideOutputs = SideOutputs.NONE;
    if (!sides.isEmpty()) {
      Map<OutputTag<?>, Output<Object>> byTag = new LinkedHashMap<>();
      sides.forEach((tag, outputs) -> byTag.put(tag, fanOut(outputs, SideOutputs.NONE)));
      sideOutputs = new SideOutputs(byTag);
    }
    return fanOut(mains, sideOutputs);
  }

  @SuppressWarnings("unchecked") // an array of a generic type can only be made raw
  private static Output<Object> fanOut(List<Output<Object>> outputs, SideOutputs sideOutputs) {
    if (outputs.isEmpty()) {
      return new DiscardingOutput<>(sideOutputs);
    }
    if (outputs.size() == 1) {
      Output<Object> only = outputs.get(0);
      if (sideOutputs == SideOutputs.NONE) {
        return only;
      }
      if (only instanceof ChainedInput<Object> chained) {
        return chained.withSideOutputs(new DiscardingOutput<>(sideOutputs));
      }
      if (only instanceof WriterOutput<Object> network) {
        return network.withSideOutputs(sideOutputs);
      }
    }
    return new BroadcastingOutput<>((Output<Object>[]) outputs.toArray(new Output<?>[0]), sideOutputs);
  }
}

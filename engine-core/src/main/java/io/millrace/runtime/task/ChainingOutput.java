package io.millrace.runtime.task;

import io.millrace.api.OutputTag;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.UserCodeFailure;

/** Hands records to the next operator of the chain by a method call: no queue, no copy. */
final class ChainingOutput<T> implements Output<T> {
  private final OneInputStreamOperator<T, ?> next;
  private final SideOutputs sideOutputs;

  ChainingOutput(OneInputStreamOperator<T, ?> next, SideOutputs sideOutputs) {
    this.next = next;
    this.sideOutputs = sideOutputs;
  }

  /** The same target with {@code sides} as this operator's side outputs. */
  ChainingOutput<T> withSideOutputs(SideOutputs sides) {
    return new ChainingOutput<>(next, sides);
  }

  @Override
  public void collect(T record, long timestamp) {
    try {
      next.processElement(record, timestamp);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw UserCodeFailure.of(next.context(), e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    sideOutputs.collect(tag, record, timestamp);
  }

  @Override
  public void emitWatermark(long watermark) {
    try {
      next.processWatermark(watermark);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw UserCodeFailure.of(next.context(), e);
    }
    sideOutputs.emitWatermark(watermark);
  }
}

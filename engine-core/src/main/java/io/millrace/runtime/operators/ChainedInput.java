package io.millrace.runtime.operators;

import io.millrace.api.OutputTag;

/**
 * The output through which an operator hands records to the next operator of its chain: a
 * direct call of the next operator's {@code processElement}.
 *
 * <p>Why a class per operator: the JIT inlines a call only when its call site has seen one or
 * two receiver types. A single shared "call the next operator" class would have one call site
 * for every operator of every chain in the JVM — megamorphic, never inlined, and the records
 * it passes then escape, so they cannot be scalar-replaced. So each built-in operator that can
 * be chained returns an instance of its own small subclass from
 * {@link OneInputStreamOperator#chainedInput()}, whose {@link #collect(Object, long)} calls that
 * operator directly: the call sites in the upstream operators stay mono- or bimorphic.
 *
 * @param <T> record type
 */
public abstract class ChainedInput<T> implements Output<T> {
  private final OneInputStreamOperator<T, ?> operator;
  /** Routes the upstream operator's side outputs (and their watermarks); drops main records. */
  private Output<?> sideOutputs;

  protected ChainedInput(OneInputStreamOperator<T, ?> operator) {
    this.operator = operator;
  }

  /**
   * Sets where the upstream operator's side outputs go; called while the job is wired, before
   * the task's thread starts (which publishes it).
   */
  public ChainedInput<T> withSideOutputs(Output<?> sideOutputs) {
    this.sideOutputs = sideOutputs;
    return this;
  }

  @Override
  public final <X> void collect(OutputTag<X> tag, X record, long timestamp) {
    if (sideOutputs != null) {
      sideOutputs.collect(tag, record, timestamp);
    }
  }

  @Override
  public final void emitWatermark(long watermark) {
    try {
      operator.processWatermark(watermark);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw UserCodeFailure.of(operator.context(), e);
    }
    if (sideOutputs != null) {
      sideOutputs.emitWatermark(watermark);
    }
  }

  /** Labels a checked exception of the chained operator. */
  protected final RuntimeException failure(Exception e) {
    return e instanceof RuntimeException runtime ? runtime : UserCodeFailure.of(operator.context(), e);
  }

  /** For operators without a class of their own: correct, but its call site is shared. */
  static final class Generic<T> extends ChainedInput<T> {
    private final OneInputStreamOperator<T, ?> next;

    Generic(OneInputStreamOperator<T, ?> next) {
      super(next);
      this.next = next;
    }

    @Override
    public void collect(T record, long timestamp) {
      try {
        next.processElement(record, timestamp);
      } catch (Exception e) {
        throw failure(e);
      }
    }
  }
}

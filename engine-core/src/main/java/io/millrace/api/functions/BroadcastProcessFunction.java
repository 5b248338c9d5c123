package io.millrace.api.functions;

import io.millrace.api.OutputTag;
import io.millrace.state.BroadcastState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReadOnlyBroadcastState;

/**
 * Processes a non-keyed stream connected with a broadcast stream. Every parallel instance sees
 * every broadcast element and keeps the same broadcast state; only
 * {@link #processBroadcastElement} may change it.
 *
 * <p>There is no order between the two inputs: an element may arrive before the broadcast
 * element it depends on.
 *
 * @param <IN1> the non-broadcast input type
 * @param <IN2> the broadcast input type
 * @param <OUT> output type
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the non-broadcast input with read-only broadcast state. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  /** Processes a broadcast element; may change broadcast state. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;

  /** The context of {@link #processElement}. */
  public abstract class ReadOnlyContext {
    /** The element's timestamp, or {@code null}. */
    public abstract Long timestamp();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The broadcast state named by {@code descriptor}, read-only. */
    public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor);
  }

  /** The context of {@link #processBroadcastElement}. */
  public abstract class Context {
    /** The element's timestamp, or {@code null}. */
    public abstract Long timestamp();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The broadcast state named by {@code descriptor}, writable. */
    public abstract <K, V> BroadcastState<K, V> getBroadcastState(
        MapStateDescriptor<K, V> descriptor);
  }
}

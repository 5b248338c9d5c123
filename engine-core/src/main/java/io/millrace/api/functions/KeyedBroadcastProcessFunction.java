package io.millrace.api.functions;

import io.millrace.api.OutputTag;
import io.millrace.state.BroadcastState;
import io.millrace.state.KeyedStateFunction;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ReadOnlyBroadcastState;
import io.millrace.state.State;
import io.millrace.state.StateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream: keyed state and timers for the
 * keyed input, broadcast state shared by all instances, and
 * {@link Context#applyToKeyedState} to update every key's state when a broadcast element
 * arrives.
 *
 * @param <K> key type
 * @param <IN1> the keyed input type
 * @param <IN2> the broadcast input type
 * @param <OUT> output type
 */
public abstract class KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Processes an element of the keyed input; broadcast state is read-only here. */
  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception;

  /** Processes a broadcast element; may change broadcast state and every key's state. */
  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out)
      throws Exception;

  /** Called when a timer of the keyed side fires. The default does nothing. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** The context of {@link #processElement}. */
  public abstract class ReadOnlyContext {
    /** The element's timestamp, or {@code null}. */
    public abstract Long timestamp();

    /** Time and timers of the current key. */
    public abstract TimerService timerService();

    /** The key of the element being processed. */
    public abstract K getCurrentKey();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The broadcast state named by {@code descriptor}, read-only. */
    public abstract <KB, VB> ReadOnlyBroadcastState<KB, VB> getBroadcastState(
        MapStateDescriptor<KB, VB> descriptor);
  }

  /** The context of {@link #processBroadcastElement}. */
  public abstract class Context {
    /** The element's timestamp, or {@code null}. */
    public abstract Long timestamp();

    /** Emits {@code value} to the side output identified by {@code outputTag}. */
    public abstract <X> void output(OutputTag<X> outputTag, X value);

    /** The broadcast state named by {@code descriptor}, writable. */
    public abstract <KB, VB> BroadcastState<KB, VB> getBroadcastState(
        MapStateDescriptor<KB, VB> descriptor);

    /**
     * Calls {@code function} for every key of this instance that has a value in the state
     * {@code descriptor} describes.
     */
    public abstract <VS, S extends State> void applyToKeyedState(
        StateDescriptor<S, VS> descriptor, KeyedStateFunction<K, S> function) throws Exception;
  }

  /** The context of {@link #onTimer}. */
  public abstract class OnTimerContext extends ReadOnlyContext {
    /** Whether the firing timer is an event-time or a processing-time timer. */
    public abstract TimeDomain timeDomain();
  }
}

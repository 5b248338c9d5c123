package io.millrace.cep;

import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.cep.functions.PatternProcessFunction;

/**
 * A stream matched against a pattern, made by {@link CEP#pattern}: say what to do with each
 * match ({@link #process}, {@link #select}, {@link #flatSelect}) to add the CEP operator to the
 * job. The configuring methods ({@link #inProcessingTime()}, {@link #inEventTime()},
 * {@link #sideOutputLateData}) return a new pattern stream and leave this one as it is.
 *
 * <p><b>Time.</b> In event time (the default) each key's events are buffered in keyed state and
 * matched in timestamp order once the watermark passes them (events of equal timestamps in the
 * order they arrived); an event whose timestamp is at or behind the watermark is late and goes to
 * the late side output, or is dropped. A {@code within} window closes when the watermark passes
 * it; at end of input every partial match with a window times out. In processing time events are
 * matched as they arrive, stamped with the arrival time.
 *
 * <p><b>State.</b> Partial matches, the events they reference (stored once, shared between
 * partial matches) and the buffered events live in keyed state, on either state backend.
 *
 * @param <T> the event type
 */
public interface PatternStream<T> {

  /** Matches in processing time: events are matched as they arrive, in arrival order. */
  PatternStream<T> inProcessingTime();

  /** Matches in event time (the default): events are matched in timestamp order as the watermark passes them. */
  PatternStream<T> inEventTime();

  /** Sends late events (timestamp at or behind the watermark; event time only) to the side output {@code lateDataOutputTag}. */
  PatternStream<T> sideOutputLateData(OutputTag<T> lateDataOutputTag);

  /**
   * Calls {@code function} for every match; if it implements
   * {@link io.millrace.cep.functions.TimedOutPartialMatchHandler}, also for every timed-out
   * partial match.
   */
  <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> function);

  /** Emits one result per match. */
  <R> SingleOutputStreamOperator<R> select(PatternSelectFunction<T, R> function);

  /**
   * Emits one result per match, and one record per timed-out partial match to the side output
   * {@code timedOutPartialMatchesTag}.
   */
  <L, R> SingleOutputStreamOperator<R> select(
      OutputTag<L> timedOutPartialMatchesTag, PatternTimeoutFunction<T, L> timeoutFunction, PatternSelectFunction<T, R> selectFunction);

  /** Emits any number of results per match. */
  <R> SingleOutputStreamOperator<R> flatSelect(PatternFlatSelectFunction<T, R> function);

  /**
   * Emits any number of results per match, and any number of records per timed-out partial match
   * to the side output {@code timedOutPartialMatchesTag}.
   */
  <L, R> SingleOutputStreamOperator<R> flatSelect(
      OutputTag<L> timedOutPartialMatchesTag, PatternFlatTimeoutFunction<T, L> timeoutFunction,
      PatternFlatSelectFunction<T, R> selectFunction);
}

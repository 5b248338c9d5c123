package io.millrace.cep.functions;

import java.util.List;
import java.util.Map;

/**
 * Implemented by a {@link PatternProcessFunction} that also wants the partial matches that time
 * out: those a {@code within} window closed before they completed. Without it, timed-out partial
 * matches are dropped silently. Typically emits to a side output with
 * {@link PatternProcessFunction.Context#output}.
 *
 * <p>Contract: called on the operator's task thread, with the key current. In event time a
 * partial match times out when the watermark (or a later event of the key) passes its deadline,
 * and at the latest at end of input; the context's timestamp is the deadline, not the time it
 * was detected.
 *
 * @param <IN> the event type
 */
public interface TimedOutPartialMatchHandler<IN> {
  /**
   * Handles one timed-out partial match.
   *
   * @param match the events each stage reached so far took, in event-time order
   * @param ctx the deadline as timestamp, processing time and side outputs
   */
  void processTimedOutMatch(Map<String, List<IN>> match, PatternProcessFunction.Context ctx) throws Exception;
}

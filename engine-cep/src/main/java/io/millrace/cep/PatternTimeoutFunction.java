package io.millrace.cep;

import io.millrace.api.functions.Function;
import java.util.List;
import java.util.Map;

/**
 * Turns each timed-out partial match into one side-output record:
 * {@link PatternStream#select(io.millrace.api.OutputTag, PatternTimeoutFunction, PatternSelectFunction)}.
 *
 * @param <IN> the event type
 * @param <OUT> the side output's type
 */
@FunctionalInterface
public interface PatternTimeoutFunction<IN, OUT> extends Function {
  /**
   * The record for the partial match {@code match}, whose deadline was {@code timeoutTimestamp};
   * must not be null.
   */
  OUT timeout(Map<String, List<IN>> match, long timeoutTimestamp) throws Exception;
}

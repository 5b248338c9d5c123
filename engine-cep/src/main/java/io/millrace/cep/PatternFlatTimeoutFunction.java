package io.millrace.cep;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.Function;
import java.util.List;
import java.util.Map;

/**
 * Turns each timed-out partial match into any number of side-output records:
 * {@link PatternStream#flatSelect(io.millrace.api.OutputTag, PatternFlatTimeoutFunction, PatternFlatSelectFunction)}.
 *
 * @param <IN> the event type
 * @param <OUT> the side output's type
 */
@FunctionalInterface
public interface PatternFlatTimeoutFunction<IN, OUT> extends Function {
  /** Emits the records for the partial match {@code match}, whose deadline was {@code timeoutTimestamp}. */
  void timeout(Map<String, List<IN>> match, long timeoutTimestamp, Collector<OUT> out) throws Exception;
}

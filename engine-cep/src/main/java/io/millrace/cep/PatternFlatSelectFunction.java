package io.millrace.cep;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.Function;
import java.util.List;
import java.util.Map;

/**
 * Turns each match into any number of results: {@link PatternStream#flatSelect(PatternFlatSelectFunction)}.
 *
 * @param <IN> the event type
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface PatternFlatSelectFunction<IN, OUT> extends Function {
  /** Emits the results for {@code match} to {@code out}. */
  void flatSelect(Map<String, List<IN>> match, Collector<OUT> out) throws Exception;
}

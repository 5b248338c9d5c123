package io.millrace.cep;

import io.millrace.api.functions.Function;
import java.util.List;
import java.util.Map;

/**
 * Turns each match into exactly one result: {@link PatternStream#select(PatternSelectFunction)}.
 * A {@link io.millrace.api.functions.RichFunction} implementation gets its lifecycle.
 *
 * @param <IN> the event type
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface PatternSelectFunction<IN, OUT> extends Function {
  /** The result for {@code match} (stage name to its events, in event-time order); must not be null. */
  OUT select(Map<String, List<IN>> match) throws Exception;
}

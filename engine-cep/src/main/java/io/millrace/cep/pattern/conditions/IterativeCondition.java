package io.millrace.cep.pattern.conditions;

import io.millrace.api.functions.Function;

/**
 * A condition an event must meet to be taken by a stage of a {@link io.millrace.cep.pattern.Pattern},
 * which may look at the events the same partial match has already taken for earlier stages
 * (and for this stage, in a loop) through {@link Context#getEventsForPattern(String)}.
 *
 * <p>Called on the operator's task thread, once per candidate event and partial match, so it
 * should be cheap; it must be deterministic and must not keep per-match state in fields (one
 * instance serves every key and partial match). A condition that needs {@code open}/{@code close}
 * extends {@link RichIterativeCondition}.
 *
 * <pre>{@code
 * // a withdrawal bigger than the sum of the earlier ones of the same match
 * .where((Txn txn, IterativeCondition.Context<Txn> ctx) -> {
 *   long sum = 0;
 *   for (Txn earlier : ctx.getEventsForPattern("withdrawals")) {
 *     sum += earlier.amount();
 *   }
 *   return txn.amount() > sum;
 * })
 * }</pre>
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface IterativeCondition<T> extends Function {

  /**
   * Whether {@code value} meets the condition, given the partial match seen through {@code ctx}.
   *
   * @throws Exception to fail the job; the operator labels and rethrows it
   */
  boolean filter(T value, Context<T> ctx) throws Exception;

  /**
   * What a condition can see of the partial match it is evaluated for. Valid only during the
   * {@code filter} call it is passed to.
   *
   * @param <T> the event type
   */
  interface Context<T> {
    /**
     * The events the partial match has taken for stage {@code name} so far, in event-time order;
     * empty if none (never null).
     */
    Iterable<T> getEventsForPattern(String name) throws Exception;

    /** The timestamp of the event being evaluated (event time, or the processing time it arrived at). */
    long timestamp();

    /** The current processing time of the operator. */
    long currentProcessingTime();
  }
}

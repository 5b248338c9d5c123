package io.millrace.cep.pattern.conditions;

import io.millrace.api.functions.FilterFunction;
import java.util.Objects;

/**
 * A condition on the event alone, without looking at the partial match: the usual condition of
 * a stage. Functional, so a lambda can be passed to {@link io.millrace.cep.pattern.Pattern#where(SimpleCondition)}.
 *
 * <pre>{@code
 * Pattern.<Txn>begin("small").where(txn -> txn.amount() < 10)
 * }</pre>
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface SimpleCondition<T> extends IterativeCondition<T> {

  /** Whether {@code value} meets the condition. */
  boolean filter(T value) throws Exception;

  /** Evaluates {@link #filter(Object)}; the partial match is not consulted. */
  @Override
  default boolean filter(T value, Context<T> ctx) throws Exception {
    return filter(value);
  }

  /** A condition from a {@link FilterFunction}, as Flink's {@code SimpleCondition.of}. */
  static <T> SimpleCondition<T> of(FilterFunction<T> filter) {
    Objects.requireNonNull(filter, "filter must not be null for SimpleCondition.of(...)");
    return filter::filter;
  }
}

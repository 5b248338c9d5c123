package io.millrace.api.source;

import io.millrace.api.functions.Function;

/**
 * Makes the element of {@link DataGeneratorSource} for an index.
 *
 * @param <T> the index type ({@code Long})
 * @param <O> element type
 */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {
  /** Returns the element for {@code index}; must be deterministic for checkpoints to rewind. */
  O map(T index) throws Exception;
}

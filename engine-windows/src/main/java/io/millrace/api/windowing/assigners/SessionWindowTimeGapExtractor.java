package io.millrace.api.windowing.assigners;

import java.io.Serializable;

/**
 * The session gap of an element, for {@link EventTimeSessionWindows#withDynamicGap} and
 * {@link ProcessingTimeSessionWindows#withDynamicGap}.
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
  /** The gap in milliseconds after {@code element}; must be positive. */
  long extract(T element);
}

package io.millrace.conformance;

import io.millrace.conformance.OperatorSpec.Measure;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a window line reports about the elements of a window, accumulated immutably (each
 * {@code add} returns a new value, so an accumulator the engine keeps in state is never changed
 * behind its back).
 *
 * @param key the key of the elements (null while empty)
 * @param count number of elements
 * @param sum sum of {@code value}
 * @param min least {@code value} ({@code Long.MAX_VALUE} while empty)
 * @param max greatest {@code value} ({@code Long.MIN_VALUE} while empty)
 * @param ids the elements' ids, in arrival order
 */
record Measures(String key, long count, long sum, long min, long max, List<Long> ids) implements Serializable {

  static final Measures EMPTY = new Measures(null, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, List.of());

  Measures add(Event event, String eventKey) {
    List<Long> added = new ArrayList<>(ids);
    added.add(event.id());
    return new Measures(eventKey, count + 1, sum + event.value(), Math.min(min, event.value()),
        Math.max(max, event.value()), List.copyOf(added));
  }

  Measures merge(Measures other) {
    List<Long> merged = new ArrayList<>(ids);
    merged.addAll(other.ids);
    return new Measures(key != null ? key : other.key, count + other.count, sum + other.sum,
        Math.min(min, other.min), Math.max(max, other.max), List.copyOf(merged));
  }

  static Measures of(Iterable<Event> events, ScenarioSpec.KeyField keyField) {
    Measures measures = EMPTY;
    for (Event event : events) {
      measures = measures.add(event, keyField.of(event));
    }
    return measures;
  }

  /** Adds the fields of {@code wanted} to {@code line}; {@code ids} ascending. */
  OutputLine.Builder putInto(OutputLine.Builder line, Set<Measure> wanted) {
    for (Measure measure : wanted) {
      switch (measure) {
        case COUNT -> line.put(measure.field, count);
        case SUM -> line.put(measure.field, sum);
        case MIN -> line.put(measure.field, min);
        case MAX -> line.put(measure.field, max);
        case IDS -> line.put(measure.field, ids.stream().sorted().toList());
      }
    }
    return line;
  }
}

package io.millrace.runtime.aggregation;

import java.io.Serializable;
import java.util.Objects;

/**
 * The field an aggregation reads: a name or a position, with the call as the user wrote it
 * ({@code sum("count")}, {@code max(2)}) for error messages.
 *
 * @param name the field name, or null for a position
 * @param position the position, or -1 for a name
 * @param call the user's call, e.g. {@code sum("count")}
 */
record FieldRef(String name, int position, String call) implements Serializable {

  static FieldRef named(Aggregation aggregation, String name) {
    Objects.requireNonNull(name, () -> "field name must not be null for " + aggregation.method() + "(String)");
    String call = aggregation.method() + "(\"" + name + "\")";
    if (name.isBlank()) {
      throw new IllegalArgumentException("field name must not be blank, got \"" + name + "\" for " + call);
    }
    return new FieldRef(name, -1, call);
  }

  static FieldRef at(Aggregation aggregation, int position) {
    String call = aggregation.method() + "(" + position + ")";
    if (position < 0) {
      throw new IllegalArgumentException("field position must not be negative, got " + position + " for " + call);
    }
    return new FieldRef(null, position, call);
  }

  boolean isNamed() {
    return name != null;
  }
}

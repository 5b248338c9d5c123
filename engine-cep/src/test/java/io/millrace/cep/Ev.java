package io.millrace.cep;

import java.io.Serializable;

/**
 * The events of the CEP tests: an id (what expected matches name), a key, a type the patterns
 * test, and a value for iterative conditions.
 */
record Ev(int id, String key, String type, long value) implements Serializable {

  /** Event {@code id} of type {@code type} on key "k". */
  static Ev ev(int id, String type) {
    return new Ev(id, "k", type, 0);
  }

  /** Event {@code id} of type {@code type} with {@code value} on key "k". */
  static Ev ev(int id, String type, long value) {
    return new Ev(id, "k", type, value);
  }

  /** Event {@code id} of type {@code type} on {@code key}. */
  static Ev ev(String key, int id, String type) {
    return new Ev(id, key, type, 0);
  }

  boolean is(String expectedType) {
    return type.equals(expectedType);
  }

  @Override
  public String toString() {
    return type + id;
  }
}

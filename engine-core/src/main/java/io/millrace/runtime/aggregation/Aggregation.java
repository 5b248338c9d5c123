package io.millrace.runtime.aggregation;

/** The five field aggregations, named as users call them. */
enum Aggregation {
  SUM("sum"),
  MIN("min"),
  MAX("max"),
  MIN_BY("minBy"),
  MAX_BY("maxBy");

  private final String method;

  Aggregation(String method) {
    this.method = method;
  }

  /** The API method's name, as error messages show it. */
  String method() {
    return method;
  }

  /** Whether the result is a copy of the first element with the field replaced. */
  boolean writesField() {
    return this == SUM || this == MIN || this == MAX;
  }
}

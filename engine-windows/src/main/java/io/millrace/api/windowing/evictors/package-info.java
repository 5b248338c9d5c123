/**
 * The built-in evictors, which remove elements from a window before or after its window function
 * runs. They behave exactly as Apache Flink's evictors of the same names. Public API.
 */
package io.millrace.api.windowing.evictors;

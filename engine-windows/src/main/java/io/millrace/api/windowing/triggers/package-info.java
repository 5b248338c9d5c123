/**
 * The built-in triggers, which decide when a window is evaluated (fired) and when its contents
 * are discarded (purged). They behave exactly as Apache Flink's triggers of the same names.
 * Public API.
 */
package io.millrace.api.windowing.triggers;

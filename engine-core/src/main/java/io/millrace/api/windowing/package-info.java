/**
 * Windowing: windows, assigners, triggers, evictors, windowed streams and window functions.
 * The built-in assigners, triggers and evictors come with {@code millrace-windows}. Public API.
 */
package io.millrace.api.windowing;

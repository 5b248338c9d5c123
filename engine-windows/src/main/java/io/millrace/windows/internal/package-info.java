/**
 * Internal: the window operator, assigners' slicing, triggers and joins (filled by the
 * time-and-windows issue). Nothing here is public API.
 */
package io.millrace.windows.internal;

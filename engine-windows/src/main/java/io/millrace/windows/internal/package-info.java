/**
 * Internal: the windowed streams behind {@code window(...)}, {@code countWindow(...)} and
 * {@code windowAll(...)}, and the {@link io.millrace.runtime.api.WindowingProvider} core finds with
 * the {@link java.util.ServiceLoader}; the window operator is in {@code .operator}, joins in
 * {@code .join}. Nothing here is public API.
 */
package io.millrace.windows.internal;

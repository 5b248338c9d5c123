/**
 * Internal: key groups, the keyed and operator state backend contracts and the factory that
 * builds backends from a {@link io.millrace.state.StateBackend}. Not public API; may change.
 */
package io.millrace.state.internal;

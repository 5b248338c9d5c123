/**
 * The state API: handles ({@link io.millrace.state.ValueState}, {@link io.millrace.state.ListState},
 * {@link io.millrace.state.MapState}, {@link io.millrace.state.ReducingState},
 * {@link io.millrace.state.AggregatingState}), their descriptors, broadcast state and the
 * choice of {@link io.millrace.state.StateBackend}. Public API.
 */
package io.millrace.state;

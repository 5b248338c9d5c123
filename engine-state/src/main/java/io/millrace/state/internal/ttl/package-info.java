/**
 * Internal: state time-to-live, independent of the backend. {@link
 * io.millrace.state.internal.ttl.TtlValue} pairs a value with its last-access time, {@link
 * io.millrace.state.internal.ttl.TtlPolicy} decides expiry from a {@link
 * io.millrace.state.StateTtlConfig} and a clock, and the {@code Ttl*State} classes decorate a
 * backend's state handles (which store {@code TtlValue}s) with the user-facing TTL semantics.
 * A backend adds only its background cleanup. Not public API; may change.
 */
package io.millrace.state.internal.ttl;

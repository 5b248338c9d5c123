/**
 * Internal: the operator contract ({@link io.millrace.runtime.operators.StreamOperator}) and
 * the built-in operators behind the DataStream API. Not public API.
 */
package io.millrace.runtime.operators;

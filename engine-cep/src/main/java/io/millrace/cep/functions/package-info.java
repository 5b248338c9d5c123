/**
 * The functions that receive matches and timed-out partial matches:
 * {@link io.millrace.cep.functions.PatternProcessFunction} and
 * {@link io.millrace.cep.functions.TimedOutPartialMatchHandler}. Public API.
 */
package io.millrace.cep.functions;

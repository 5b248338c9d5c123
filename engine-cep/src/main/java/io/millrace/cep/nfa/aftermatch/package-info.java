/**
 * After-match skip strategies: which partial matches of a key are discarded when a match is
 * emitted ({@link io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy}). Public API.
 */
package io.millrace.cep.nfa.aftermatch;

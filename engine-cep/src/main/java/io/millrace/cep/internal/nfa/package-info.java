/**
 * Internal: the NFA a pattern compiles to ({@link io.millrace.cep.internal.nfa.NfaCompiler}),
 * and how it runs over one key's events ({@link io.millrace.cep.internal.nfa.Nfa}) with Apache
 * Flink's semantics. Not public API.
 */
package io.millrace.cep.internal.nfa;

/**
 * Complex event processing: {@link io.millrace.cep.CEP#pattern} matches a stream against a
 * {@link io.millrace.cep.pattern.Pattern} and gives a {@link io.millrace.cep.PatternStream}, whose
 * matches a {@link io.millrace.cep.functions.PatternProcessFunction} or a select function turns
 * into results. The names follow Apache Flink CEP. Public API.
 */
package io.millrace.cep;

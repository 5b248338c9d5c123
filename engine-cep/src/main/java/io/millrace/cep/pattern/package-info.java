/**
 * The pattern API: {@link io.millrace.cep.pattern.Pattern} sequences of named stages with
 * conditions, quantifiers, contiguity and time windows, as Apache Flink CEP writes them. Public API.
 */
package io.millrace.cep.pattern;

/**
 * Internal: the CEP operator ({@link io.millrace.cep.internal.operator.CepOperator}), which
 * buffers each key's events, runs the NFA over them and keeps everything in keyed state. Not
 * public API.
 */
package io.millrace.cep.internal.operator;

/**
 * Internal: the CEP engine behind {@link io.millrace.cep.CEP} — pattern streams and the adapters
 * of select functions. Not public API.
 */
package io.millrace.cep.internal;

/**
 * Internal: the shared, versioned event buffer of CEP partial matches
 * ({@link io.millrace.cep.internal.buffer.SharedBuffer}), its keys, nodes and serializers. Not
 * public API.
 */
package io.millrace.cep.internal.buffer;

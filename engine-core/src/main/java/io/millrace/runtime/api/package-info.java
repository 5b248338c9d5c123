/**
 * Internal: the implementation of the DataStream API — the local environment and the stream
 * classes that record transformations. Not public API.
 */
package io.millrace.runtime.api;

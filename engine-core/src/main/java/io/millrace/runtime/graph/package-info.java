/**
 * Internal: the job as data — transformations recorded by the API, and the job graph
 * (operators, edges, chains) built from them at {@code execute()}. Not public API.
 */
package io.millrace.runtime.graph;

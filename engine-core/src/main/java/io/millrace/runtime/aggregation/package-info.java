/**
 * Internal: the reduce functions behind {@code sum}, {@code min}, {@code max}, {@code minBy} and
 * {@code maxBy} by field name or position — on keyed streams (rolling) and on windowed streams.
 * A field is resolved by reflection once per element class, never per record. Not public API.
 */
package io.millrace.runtime.aggregation;

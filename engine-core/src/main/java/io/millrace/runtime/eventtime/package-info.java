/**
 * Internal: watermark generation in sources (per split, combined per reader) and the operator
 * behind {@code assignTimestampsAndWatermarks}. Not public API.
 */
package io.millrace.runtime.eventtime;

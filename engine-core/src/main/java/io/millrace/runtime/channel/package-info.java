/**
 * Internal: how records travel between tasks — bounded single-producer/single-consumer
 * channels of batches, input gates, record writers and partitioners. Not public API.
 */
package io.millrace.runtime.channel;

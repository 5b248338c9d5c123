/**
 * The DataStream API: environments, streams, jobs. Public API.
 */
package io.millrace.api;

/** Event time: timestamps and watermarks. Public API. */
package io.millrace.api.eventtime;

/** Internal: processing-time clocks and the keyed timer service. Not public API. */
package io.millrace.runtime.time;

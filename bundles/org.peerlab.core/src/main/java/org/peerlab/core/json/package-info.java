/** A small JSON writer for command output, results and reports. */
package org.peerlab.core.json;

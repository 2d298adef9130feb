/**
 * JSON for command output, results, reports and scenario files: {@link org.peerlab.core.json.Json}
 * writes plain Java data; {@link org.peerlab.core.json.JsonParser} reads text strictly into
 * {@link org.peerlab.core.json.JsonValue}s that remember the line and column of every value and key.
 */
package org.peerlab.core.json;

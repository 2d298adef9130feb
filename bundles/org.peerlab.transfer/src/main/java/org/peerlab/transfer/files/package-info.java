/**
 * The transfer on real files: building an offer from paths (hashing in bounded memory), reading
 * pieces, and a disk store that writes partial files, records verified pieces for resume and
 * gives each file its final name only once it has verified.
 */
package org.peerlab.transfer.files;

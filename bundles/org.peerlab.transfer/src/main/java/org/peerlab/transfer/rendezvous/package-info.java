/** The rendezvous server process and its client, over any frame transport (tcp in practice). */
package org.peerlab.transfer.rendezvous;

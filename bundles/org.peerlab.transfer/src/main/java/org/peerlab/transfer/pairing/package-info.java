/**
 * Pairing: codes, this device's identity key and the devices paired with it (kept in the user's
 * config folder with owner-only permissions), and QR codes for pairing by camera.
 */
package org.peerlab.transfer.pairing;

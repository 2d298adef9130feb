/**
 * Cryptographic strategy families: {@link org.peerlab.crypto.api.KeyExchange} (message-driven
 * sessions that fit Diffie-Hellman, KEMs and multi-round PAKEs), {@link org.peerlab.crypto.api.Aead}
 * and {@link org.peerlab.crypto.api.Kdf}. Key material travels as {@link org.peerlab.crypto.api.Secret}.
 */
package org.peerlab.crypto.api;

/**
 * {@code scripts/bench}: a load client that opens real SockJS WebSocket connections as participants,
 * a bare Vert.x bridge as the baseline measured in the same run, and the accounting that turns
 * arrivals into latency figures. Nothing here runs inside the server.
 */
package org.talkingpiece.bench;

package org.talkingpiece.session;

/**
 * Something that happened in a session, stored in its log under a unique {@code (sessionId, seq)}
 * before it is applied. Each feature (session lifecycle, floor, anonymity) defines its own sealed
 * family of records implementing this interface, together with a codec to and from JSON whose
 * {@code type} field names the record.
 */
public interface SessionEvent {}

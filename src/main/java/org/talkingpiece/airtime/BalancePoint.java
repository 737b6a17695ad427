package org.talkingpiece.airtime;

/**
 * The group balance at one moment of a session.
 *
 * @param at the moment (epoch ms)
 * @param offsetMs milliseconds since the session started
 * @param balance round(100·(1−G)) over the participants present then, zeros included
 * @param voicesHeard participants who had had at least one turn by then
 * @param participants participants present then
 */
public record BalancePoint(long at, long offsetMs, int balance, int voicesHeard, int participants) {}

/**
 * The floor: who speaks, in which order, for how long. Pure domain code with no I/O, threads or
 * clock; {@link org.talkingpiece.floor.Floor} is driven by one session owner on one thread.
 *
 * <p>Rules decided here, beyond the product specification:
 * <ul>
 *   <li>Passing is open to whoever holds the floor, in every mode. The offered turn is withdrawn: it
 *       is never a turn and never airtime, so a pass after speaking drops that time too.</li>
 *   <li>In a round, the floor moves on by itself when the speaker yields or passes, or when the
 *       facilitator ends the turn. In a queue, the facilitator calls the next hand ("next"), except
 *       after a hard limit, when the next hand present gets the floor at once.</li>
 *   <li>"Next" and a hard limit go past raised hands of people who are not present; they keep their
 *       place for when they are back.</li>
 *   <li>The extra pass of a round is for those who passed and those skipped as absent in the first
 *       pass; anyone still away then is skipped again.</li>
 *   <li>A late joiner goes to the end of the round's first pass while the first pass is still going;
 *       once the extra pass has begun, they wait for the next round. Someone the facilitator left out
 *       of an arranged order is not a late joiner.</li>
 *   <li>Given the floor by the facilitator during a round, someone still waiting uses their place; the
 *       round then carries on with the people before them. Anyone else (the facilitator included)
 *       speaks without using a place.</li>
 *   <li>The facilitator's own turns are never timed.</li>
 *   <li>A hard limit closes the turn at its deadline, not when the timer fired, so it counts exactly
 *       the limit.</li>
 *   <li>The progressive stack orders itself and cannot be reordered by hand; switching to a plain
 *       queue keeps its order at that moment.</li>
 *   <li>A new activity ends the open turn, stops a round and clears the hands. Turn counts and
 *       airtime for the progressive stack run over the whole session.</li>
 *   <li>After a restart nobody holds the floor; a round waits for the facilitator's "next".</li>
 * </ul>
 */
package org.talkingpiece.floor;

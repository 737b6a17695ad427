package org.talkingpiece.anonymity;

/**
 * The numbers a screen may show about a prompt at any time, below the threshold included.
 *
 * @param kind the mechanic
 * @param open whether input is still accepted
 * @param count items (or poll answers) received
 * @param shown items (or poll answers) released so far
 * @param held received but not released: waiting for a full batch while open, withheld for good
 *     once closed (only their number is ever shown)
 * @param thresholdMet whether anything has been released
 */
public record PromptSummary(PromptKind kind, boolean open, int count, int shown, int held, boolean thresholdMet) {}

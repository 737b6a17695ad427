package org.talkingpiece.anonymity;

/**
 * A signal to store: a tap adds one to the kind's total and unseen counts; an acknowledgement sets
 * unseen to zero.
 */
public record SignalChange(SignalKind kind, boolean acknowledged) {}

package org.talkingpiece.anonymity;

/**
 * The outcome of a pure rule: what to store, and the state to adopt once it is stored.
 *
 * <p>The owner stores {@code change} with {@link AnonymousStore#apply(PromptRef, PromptChange)} and
 * only then replaces its state with {@code next}; if storing fails it keeps the old state. Steps of
 * one prompt must be applied one at a time, in the order they were made.
 */
public record Step<S>(PromptChange change, S next) {}

package org.talkingpiece.session;

import java.time.InstantSource;
import java.util.Random;
import org.talkingpiece.curriculum.ModuleStore;

/**
 * What session owners and routes need, built once at start. Every member is thread-safe.
 *
 * @param clock the one source of time for sessions and their routes
 * @param random draws pseudonyms and shuffles rounds (a seeded one makes a test repeatable)
 * @param publicUrl the address join links are built on
 * @param features live mechanics plugged into every session (anonymous input, …)
 */
public record SessionServices(EventStore events, SessionDirectory directory, SessionTokens tokens,
    ModuleStore modules, InstantSource clock, Random random, String publicUrl,
    java.util.List<LiveFeature.Factory> features) {
  public SessionServices {
    features = java.util.List.copyOf(features);
  }
}

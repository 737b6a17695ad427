package org.talkingpiece.anonymity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a participant id into the {@link ParticipantRef} stored in a roll: HMAC-SHA-256 under a
 * server key, over the session, the prompt (or "signals") and the participant id, cut to 128 bits.
 *
 * <p>The key must come from configuration kept outside the database and be the same on every node
 * and across restarts (otherwise one-per-person rules restart from zero). Thread-safe: each call makes
 * its own {@link Mac}.
 */
public final class ParticipantRefs {
  private static final int MIN_KEY_BYTES = 32;
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;

  private ParticipantRefs(byte[] key) {
    this.key = key;
  }

  /** @param key at least 32 random bytes, kept outside the database */
  public static ParticipantRefs withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("the roll key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    return new ParticipantRefs(key.clone());
  }

  /** The participant's ref in one prompt's roll. */
  public ParticipantRef forPrompt(PromptRef prompt, String participantId) {
    return ref(prompt.sessionId(), prompt.promptId() + "\u0000" + prompt.round(), participantId);
  }

  /** The participant's ref for signals ("ouch", "pause"); it never leaves memory. */
  public ParticipantRef forSignals(String sessionId, String participantId) {
    return ref(sessionId, "\u0000signals", participantId);
  }

  private ParticipantRef ref(String sessionId, String scope, String participantId) {
    PromptRef.requireId(participantId, "participantId");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (String part : new String[] {sessionId, scope, participantId}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update((byte) (bytes.length >>> 8));
        mac.update((byte) bytes.length);
        mac.update(bytes);
      }
      return ParticipantRef.stored(URL.encodeToString(Arrays.copyOf(mac.doFinal(), 16)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}

package org.talkingpiece.bench;

import java.nio.charset.StandardCharsets;

/**
 * Reads the two things the load client needs from a bridge frame without parsing the whole view:
 * the address it was delivered to and the first {@code "version"} number. The server writes the
 * envelope's fields in a fixed order ({@code type}, {@code address}, {@code body}, and in a state
 * body {@code type}, {@code version}, ...), so both are found near the start of the frame.
 */
final class BridgeFrames {
  private static final byte[] ADDRESS = "\"address\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VERSION = "\"version\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SERVER_TIME = "\"serverTime\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERR = "\"type\":\"err\"".getBytes(StandardCharsets.US_ASCII);

  private BridgeFrames() {}

  /** The frame's address, or null when it has none. */
  static String address(byte[] frame) {
    int at = indexOf(frame, ADDRESS, 0);
    if (at < 0) {
      return null;
    }
    int start = at + ADDRESS.length;
    int end = start;
    while (end < frame.length && frame[end] != '"') {
      end++;
    }
    return new String(frame, start, end - start, StandardCharsets.UTF_8);
  }

  /** The first {@code "version":N} in the frame, or -1. */
  static long version(byte[] frame) {
    return number(frame, VERSION);
  }

  /** The first {@code "serverTime":N} (epoch milliseconds) in the frame, or -1. */
  static long serverTime(byte[] frame) {
    return number(frame, SERVER_TIME);
  }

  private static long number(byte[] frame, byte[] key) {
    int at = indexOf(frame, key, 0);
    if (at < 0) {
      return -1;
    }
    long v = 0;
    int i = at + key.length;
    boolean any = false;
    while (i < frame.length && frame[i] >= '0' && frame[i] <= '9') {
      v = v * 10 + (frame[i] - '0');
      i++;
      any = true;
    }
    return any ? v : -1;
  }

  static boolean isError(byte[] frame) {
    int at = indexOf(frame, ERR, 0);
    return at >= 0 && at < 16;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

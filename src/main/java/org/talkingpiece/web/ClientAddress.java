package org.talkingpiece.web;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The network address a request comes from, as per-address limits (sign-in attempts, password
 * hashing) must see it: the connection's peer, or, when that peer is one of the configured trusted
 * reverse proxies, the right-most address in {@code X-Forwarded-For} that is not itself a trusted
 * proxy. A client cannot choose its own address by sending the header: it is read only from trusted
 * proxies.
 *
 * <p>IPv6 addresses are reduced to their /64 network, because one home or one attacker usually holds
 * a whole /64 and could otherwise step through fresh addresses. Pure and thread-safe.
 */
public final class ClientAddress {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");
  /** Routing-context key under which {@link HttpVerticle} puts the resolved address. */
  static final String KEY = "tp.clientAddress";

  private final Set<String> trusted;

  public ClientAddress(List<String> trustedProxies) {
    this.trusted = Set.copyOf(trustedProxies.stream().map(ClientAddress::normalise)
        .filter(java.util.Objects::nonNull).toList());
  }

  /** The client address of a request, as resolved by the HTTP verticle ({@code "unknown"} if none). */
  public static String of(RoutingContext ctx) {
    String address = ctx.get(KEY);
    return address == null ? "unknown" : address;
  }

  /** Resolves the address for a request with this peer and {@code X-Forwarded-For} header (may be null). */
  String resolve(SocketAddress peer, String forwardedFor) {
    String normalised = peer == null ? null : normalise(peer.hostAddress());
    String address = normalised == null ? "unknown" : normalised;
    if (!trusted.contains(address) || forwardedFor == null) {
      return address;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = normalise(hops[i].trim());
      if (hop == null) {
        return address;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return address;
  }

  /**
   * The canonical text of an IP literal (IPv6 as its /64 network); {@code null} for anything that is
   * not an IP literal, which is never looked up in DNS.
   */
  static String normalise(String text) {
    if (text == null || !IP_LITERAL.matcher(text).matches()) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(text).getAddress();
      if (bytes.length == 16) {
        for (int i = 8; i < 16; i++) {
          bytes[i] = 0;
        }
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

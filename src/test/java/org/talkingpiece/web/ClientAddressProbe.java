package org.talkingpiece.web;

import io.vertx.core.net.SocketAddress;
import java.util.List;

/** Lets tests in other packages ask {@link ClientAddress} how it resolves an address. */
public final class ClientAddressProbe {
  private final ClientAddress addresses;

  public ClientAddressProbe(List<String> trustedProxies) {
    this.addresses = new ClientAddress(trustedProxies);
  }

  public String resolve(String peer, String forwardedFor) {
    return addresses.resolve(SocketAddress.inetSocketAddress(1234, peer), forwardedFor);
  }
}

package org.talkingpiece.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes as SVG, drawn by ZXing; one path, crisp at any size, no script. */
public final class QrCodes {
  private QrCodes() {}

  /** An SVG of {@code text} with a quiet zone, and {@code label} as its accessible name. */
  public static String svg(String text, String label) {
    try {
      BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          if (m.get(x, y)) {
            path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
          }
        }
      }
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
          + "\" role=\"img\" aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\">"
          + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
          + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot draw a QR code for this text", e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

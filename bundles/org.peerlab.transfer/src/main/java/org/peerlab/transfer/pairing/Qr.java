package org.peerlab.transfer.pairing;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes for pairing by camera, drawn in a terminal with Unicode half blocks (two module rows
 * per text line). The content is a {@code peerlab:receive?...} link: code, rendezvous address,
 * the sender's peer id and identity fingerprint.
 */
public final class Qr {

    private Qr() {
    }

    /** @return a terminal drawing of the QR code for {@code text} (see {@link #render}) */
    public static String draw(String text, boolean ansi) {
        return render(encode(text), ansi);
    }

    /** @return the modules of a QR code for {@code text}, with a quiet zone of 2 */
    public static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text.length() + " characters: " + e.getMessage(), e);
        }
    }

    /**
     * @param ansi whether to wrap lines in black-on-white colours, so that the code scans on dark terminals too
     * @return text lines drawing the code, dark modules as blocks
     */
    public static String render(BitMatrix m, boolean ansi) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            if (ansi) {
                s.append("\u001b[30;107m");
            }
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = m.get(x, y);
                boolean bottom = y + 1 < m.getHeight() && m.get(x, y + 1);
                s.append(top ? bottom ? '\u2588' : '\u2580' : bottom ? '\u2584' : ' ');
            }
            if (ansi) {
                s.append("\u001b[0m");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** @return the modules drawn by {@link #render} (without colours), read back */
    public static BitMatrix parse(String drawing) {
        String[] lines = drawing.replaceAll("\u001b\\[[0-9;]*m", "").split("\n");
        int width = lines[0].length();
        BitMatrix m = new BitMatrix(width, lines.length * 2);
        for (int row = 0; row < lines.length; row++) {
            for (int x = 0; x < Math.min(width, lines[row].length()); x++) {
                char c = lines[row].charAt(x);
                if (c == '\u2588' || c == '\u2580') {
                    m.set(x, 2 * row);
                }
                if (c == '\u2588' || c == '\u2584') {
                    m.set(x, 2 * row + 1);
                }
            }
        }
        return m;
    }
}

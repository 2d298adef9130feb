package org.peerlab.ui.internal.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * Converts the AWT images JFreeChart draws into SWT image data without a per-pixel loop in
 * Java: the packed {@code 0x00RRGGBB} ints of a {@link BufferedImage#TYPE_INT_RGB} raster are
 * copied as big-endian bytes into a 32-bit direct-palette {@link ImageData}, which SWT reads as
 * red, green and blue masks. Thread-safe (no state).
 */
public final class ChartImages {

    private ChartImages() {
    }

    /** @return an RGB image of {@code width} x {@code height} pixels (both at least 1) to draw a chart into */
    public static BufferedImage canvas(int width, int height) {
        return new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
    }

    /**
     * @param image an image made by {@link #canvas} (type {@link BufferedImage#TYPE_INT_RGB})
     * @return the same pixels as SWT image data (no alpha)
     * @throws IllegalArgumentException for any other image type
     */
    public static ImageData toImageData(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)) {
            throw new IllegalArgumentException("expected a TYPE_INT_RGB image, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = buffer.getData();
        byte[] bytes = new byte[width * height * 4];
        // A TYPE_INT_RGB raster made by canvas() has no padding: scanline stride == width.
        ByteBuffer.wrap(bytes).asIntBuffer().put(pixels, 0, width * height);
        PaletteData palette = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);
        return new ImageData(width, height, 32, palette, 4, bytes);
    }
}

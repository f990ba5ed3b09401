package dev.tally.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The window icons come with the jar, in the sizes AppIcon asks for (read from each PNG's header). */
class AppIconTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void everySizeIsInTheJarAsASquarePngOfThatSize() throws IOException {
        for (int size : AppIcon.SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("icons/tally-" + size + ".png")) {
                assertNotNull(in, "icons/tally-" + size + ".png is missing from the jar");
                byte[] head = in.readNBytes(24);
                byte[] magic = new byte[8];
                System.arraycopy(head, 0, magic, 0, 8);
                assertArrayEquals(PNG, magic, size + " px: not a PNG");
                ByteBuffer ihdr = ByteBuffer.wrap(head, 16, 8);
                assertEquals(size, ihdr.getInt(), size + " px: width");
                assertEquals(size, ihdr.getInt(), size + " px: height");
            }
        }
    }
}

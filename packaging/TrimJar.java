import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the native libraries of other platforms: {@code java packaging/TrimJar.java IN OUT PREFIX KEEP}
 * drops every entry under PREFIX except those under PREFIX/KEEP. Used by build-installers.sh on sqlite-jdbc, whose
 * jar carries a native library for ~25 platforms (13 MB) of which a package needs one. Entries keep their times.
 */
public class TrimJar {
    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        String prefix = args[2], keep = args[2] + args[3];
        int dropped = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith(prefix) && !name.startsWith(keep) && !keep.startsWith(name)) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                zin.transferTo(zout);
                zout.closeEntry();
            }
        }
        System.out.println("TrimJar: " + out.getFileName() + ": dropped " + dropped + " entries under " + prefix + " except " + keep);
    }
}

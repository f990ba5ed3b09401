package dev.tally.engine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link SingleInstanceTest}: claims the data folder given as the argument and reports on
 * stdout: {@code primary}, then {@code shown} for each show request, until stdin closes; or
 * {@code secondary delivered=<true|false>}.
 */
public final class SingleInstanceChild {
    private SingleInstanceChild() {
    }

    public static void main(String[] args) throws Exception {
        SingleInstance.Claim claim = SingleInstance.claim(Path.of(args[0]), () -> {
            System.out.println("shown");
            System.out.flush();
        });
        switch (claim) {
            case SingleInstance.Primary p -> {
                System.out.println("primary");
                System.out.flush();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    while (in.readLine() != null) {
                        // keep running until the test closes our stdin
                    }
                }
                p.instance().close();
            }
            case SingleInstance.Secondary s -> System.out.println("secondary delivered=" + s.delivered());
        }
    }
}

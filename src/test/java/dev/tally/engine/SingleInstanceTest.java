package dev.tally.engine;

import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Slow
class SingleInstanceTest {
    @TempDir
    Path data;
    private final List<String> shownOn = new CopyOnWriteArrayList<>();
    private final List<SingleInstance> open = new ArrayList<>();
    private Process child;

    @AfterEach
    void stop() throws InterruptedException {
        open.forEach(SingleInstance::close);
        if (child != null) {
            child.destroy();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private SingleInstance.Claim claim() throws IOException {
        SingleInstance.Claim c = SingleInstance.claim(data, () -> shownOn.add(Thread.currentThread().getName()));
        if (c instanceof SingleInstance.Primary(SingleInstance instance)) {
            open.add(instance);
        }
        return c;
    }

    private void awaitShown(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (shownOn.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void theSecondLaunchAsksTheFirstToShowItsWindow() throws Exception {
        SingleInstance.Primary first = assertInstanceOf(SingleInstance.Primary.class, claim());
        assertTrue(Files.exists(data.resolve(SingleInstance.LOCK_FILE)));
        assertTrue(Files.readString(data.resolve(SingleInstance.PORT_FILE))
                .startsWith(first.instance().port() + " "), "the port file names the listening port");

        SingleInstance.Claim second = claim();
        assertEquals(new SingleInstance.Secondary(true), second, "the second launch is told to exit");
        awaitShown(1);
        assertEquals(List.of("tally-single-instance"), shownOn, "the callback ran once, on the listener thread");

        assertEquals(new SingleInstance.Secondary(true), claim());
        awaitShown(2);
        assertEquals(2, shownOn.size(), "every later launch brings the window forward again");
    }

    @Test
    void afterQuittingTheNextLaunchIsTheInstanceAgain() throws Exception {
        SingleInstance.Primary first = assertInstanceOf(SingleInstance.Primary.class, claim());
        first.instance().close();
        assertFalse(Files.exists(data.resolve(SingleInstance.PORT_FILE)), "quitting removes the port file");
        assertInstanceOf(SingleInstance.Primary.class, claim());
    }

    @Test
    void aStalePortFileFromADeadInstanceDoesNotMatterTheLockIsTheTruth() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        Files.writeString(data.resolve(SingleInstance.PORT_FILE), deadPort + " 0123456789abcdef\n");
        SingleInstance.Primary first = assertInstanceOf(SingleInstance.Primary.class, claim());
        assertTrue(Files.readString(data.resolve(SingleInstance.PORT_FILE)).startsWith(first.instance().port() + " "));
        assertEquals(new SingleInstance.Secondary(true), claim());
    }

    @Test
    void aPortFileWithTheWrongTokenIsNotObeyed() throws Exception {
        SingleInstance.Primary first = assertInstanceOf(SingleInstance.Primary.class, claim());
        Files.writeString(data.resolve(SingleInstance.PORT_FILE), first.instance().port() + " not-the-token\n");
        SingleInstance.Claim second = assertTimeoutPreemptively(Duration.ofSeconds(10), this::claim);
        assertEquals(new SingleInstance.Secondary(false), second, "still told to exit: the lock is held");
        assertEquals(List.of(), shownOn);
    }

    @Test
    void thePortFileIsReadableByTheOwnerOnly() throws Exception {
        claim();
        Path port = data.resolve(SingleInstance.PORT_FILE);
        assumeTrue(Files.getFileStore(port).supportsFileAttributeView("posix"), "needs POSIX file permissions");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(port)));
    }

    private String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private BufferedReader startChild() throws IOException {
        child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                SingleInstanceChild.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String readLine(BufferedReader in) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                return "error: " + e;
            }
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void acrossProcessesASecondLaunchReachesTheRunningOne() throws Exception {
        BufferedReader out = startChild();
        assertEquals("primary", readLine(out), "the other process holds the lock");

        assertEquals(new SingleInstance.Secondary(true), claim(), "this launch would exit");
        assertEquals("shown", readLine(out), "the running process was asked to show its window");

        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        assertInstanceOf(SingleInstance.Primary.class, claim(),
                "a crashed instance leaves its files behind, but the OS released its lock");
    }

    @Test
    void acrossProcessesTheRunningOneAnswersALaterProcess() throws Exception {
        assertInstanceOf(SingleInstance.Primary.class, claim());
        BufferedReader out = startChild();
        assertEquals("secondary delivered=true", readLine(out));
        awaitShown(1);
        assertEquals(1, shownOn.size());
    }
}

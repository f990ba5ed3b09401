package dev.tally.tray;

import dev.tally.status.Summary;
import dev.tally.status.State;
import org.junit.jupiter.api.Test;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AwtTrayBackendTest {
    private final List<TrayAction> actions = new CopyOnWriteArrayList<>();

    private AwtTrayBackend backend() {
        return new AwtTrayBackend(Runnable::run, actions::add);
    }

    private static List<TrayMenu.Entry> menu() {
        return TrayMenu.of(Summary.of(List.of(), TrayFixtures.NOW), TrayFixtures.NOW, false);
    }

    @Test
    void withoutADisplayThereIsNoTrayAndNothingFails() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this test is about headless mode; the display here is real");
        AwtTrayBackend tray = backend();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> assertFalse(tray.isSupported()));
        assertFalse(tray.show(State.OK, "Tally", menu()).toCompletableFuture().join(),
                "show reports that no icon was added");
        tray.update(State.ERROR, "Tally", menu());
        tray.displayMessage("Tally", "hello");
        tray.remove();
        assertFalse(tray.isShowing());
        assertEquals(List.of(), actions);
    }

    @Test
    void noTrayIsTheQuietFallback() throws Exception {
        NoTray tray = new NoTray();
        assertFalse(tray.isSupported());
        assertFalse(tray.show(State.OK, "Tally", menu()).toCompletableFuture().get(1, TimeUnit.SECONDS));
        assertFalse(tray.isShowing());
    }

    @Test
    void onARealDesktopTheIconIsAddedAndRemoved() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (tests run with java.awt.headless=true)");
        AwtTrayBackend tray = backend();
        assumeTrue(tray.isSupported(), "needs a desktop with a system tray");
        assertTrue(tray.show(State.LOW, "Tally — test", menu()).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertTrue(tray.isShowing());
        tray.remove();
        java.awt.EventQueue.invokeAndWait(() -> { });
        assertFalse(tray.isShowing());
    }
}

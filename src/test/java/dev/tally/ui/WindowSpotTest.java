package dev.tally.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window opens by the icon and never hangs off the work area. */
class WindowSpotTest {
    /** A 1920×1080 screen with a 32 px panel at the top. */
    private static final WindowSpot.Area TOP_PANEL = WindowSpot.area(0, 32, 1920, 1048);
    /** A 1366×768 screen with a 40 px panel at the bottom. */
    private static final WindowSpot.Area BOTTOM_PANEL = WindowSpot.area(0, 0, 1366, 728);

    @Test
    void aClickOnATopPanelOpensTheWindowBelowTheIconInsideTheScreen() {
        WindowSpot.Spot s = WindowSpot.nearClick(1900, 16, 380, 560, TOP_PANEL);
        assertEquals(new WindowSpot.Spot(1920 - 380, 32, 380, 560), s, "right edge and below the panel");
    }

    @Test
    void aClickOnABottomPanelOpensTheWindowAboveTheIcon() {
        WindowSpot.Spot s = WindowSpot.nearClick(700, 750, 380, 560, BOTTOM_PANEL);
        assertEquals(new WindowSpot.Spot(510, 728 - 560, 380, 560), s);
    }

    @Test
    void aPlaceRememberedOnALargerScreenIsPulledBackAndShrunk() {
        WindowSpot.Spot s = WindowSpot.clamp(2400, 900, 500, 900, BOTTOM_PANEL);
        assertEquals(new WindowSpot.Spot(1366 - 500, 0, 500, 728), s, "all of it, buttons included, is on screen");
    }

    @Test
    void aWindowWithNoPlaceYetIsCentredInTheWorkArea() {
        assertEquals(new WindowSpot.Spot(493, 84, 380, 560), WindowSpot.centred(380, 560, BOTTOM_PANEL));
    }

    @Test
    void atAScaleFactorTheWorkAreaIsSmallerAndTheWindowShrinksToIt() {
        // 1920×1080 pixels at 200 %: 960×540 units, minus a 24-unit top panel; the window's 560 do not fit
        WindowSpot.Area scaled = WindowSpot.area(0, 24, 960, 516);
        assertEquals(new WindowSpot.Spot(290, 24, 380, 516), WindowSpot.centred(380, 560, scaled));
        assertEquals(new WindowSpot.Spot(960 - 380, 24, 380, 516), WindowSpot.nearClick(950, 10, 380, 560, scaled),
                "a click on the panel opens it below, all of it on screen");
    }

    @Test
    void aSecondScreenLeftOfThePrimaryKeepsItsNegativeCoordinates() {
        WindowSpot.Area left = WindowSpot.area(-1280, 0, 1280, 984);
        assertEquals(new WindowSpot.Spot(-380, 0, 380, 560), WindowSpot.clamp(-100, -50, 380, 560, left));
    }
}

/**
 * The JavaFX widget: main window with balance cards and sparklines, view models, the toast fallback and
 * FX-thread adapters. The only package (with the app shell) that imports JavaFX. View models hold
 * {@code ReadOnly*Wrapper} fields exposed read-only and are updated only on the UI executor they are given
 * (the FX thread in the app, {@code Runnable::run} in tests); views only wire. Never blocks on HTTP, SQLite
 * or the keychain: that work arrives already done, from engine threads, through the UI executor. Status words
 * (badges, reasons, ages, amounts, advice said as where to click) come from {@code dev.tally.status}.
 */
package dev.tally.ui;

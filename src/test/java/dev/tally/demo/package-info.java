/** Demo data for screenshots and manual checks: a fake provider server and a seeded Tally home. Test sources only. */
package dev.tally.demo;

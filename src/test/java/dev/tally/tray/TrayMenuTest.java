package dev.tally.tray;

import dev.tally.status.State;
import dev.tally.status.Summary;
import dev.tally.core.FetchError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tally.tray.TrayFixtures.NOW;
import static dev.tally.tray.TrayFixtures.balance;
import static dev.tally.tray.TrayFixtures.deepseekWork;
import static dev.tally.tray.TrayFixtures.failed;
import static dev.tally.tray.TrayFixtures.minutesAgo;
import static dev.tally.tray.TrayFixtures.moonshot;
import static dev.tally.tray.TrayFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TrayMenuTest {

    @Test
    void oneClickableRowPerAccountWorstFirstThenTheActions() {
        Summary s = Summary.of(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                failed(moonshot(), null, new FetchError.AuthFailed("rejected"), minutesAgo(3))), NOW);
        assertEquals(List.of(
                new TrayMenu.Row("moonshot", State.ERROR, "✕ Moonshot — key rejected · 3 min ago"),
                new TrayMenu.Row("deepseek-work", State.OK, "✓ DeepSeek (work) — ¥110.00 · 3 min ago"),
                new TrayMenu.Separator(),
                new TrayMenu.Action("Refresh all", TrayAction.REFRESH_ALL),
                new TrayMenu.Action("Open Tally", TrayAction.OPEN_WINDOW),
                new TrayMenu.Action("Settings…", TrayAction.SETTINGS),
                new TrayMenu.Separator(),
                new TrayMenu.Action("Quit", TrayAction.QUIT)), TrayMenu.of(s, NOW, false));
    }

    @Test
    void withoutAccountsTheMenuSaysSoAndStillOffersSettings() {
        List<TrayMenu.Entry> menu = TrayMenu.of(Summary.of(List.of(), NOW), NOW, false);
        assertEquals(new TrayMenu.Info("No accounts yet"), menu.getFirst());
        assertEquals(TrayMenu.Action.of(TrayAction.SETTINGS), menu.get(4));
        assertEquals(new TrayMenu.Action("Refresh all", TrayAction.REFRESH_ALL, false), menu.get(2),
                "nothing to refresh: greyed");
    }

    @Test
    void inChineseTheMenuRowsAndActionsAreChinese() {
        dev.tally.core.Language before = dev.tally.core.Messages.use(dev.tally.core.Language.SIMPLIFIED_CHINESE);
        try {
            Summary s = Summary.of(List.of(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00"))), NOW);
            List<TrayMenu.Entry> menu = TrayMenu.of(s, NOW, false);
            TrayMenu.Row row = (TrayMenu.Row) menu.getFirst();
            assertEquals("✓ DeepSeek (work) — ¥110.00 · 3 分钟前", row.text());
            assertEquals(List.of("全部刷新", "打开 Tally", "设置…", "退出"), menu.stream()
                    .filter(e -> e instanceof TrayMenu.Action).map(e -> ((TrayMenu.Action) e).text()).toList());
        } finally {
            dev.tally.core.Messages.use(before);
        }
    }

    @Test
    void longLabelsEndInAnEllipsisInTheMenu() {
        Summary s = Summary.of(List.of(ok(TrayFixtures.target("x", "deepseek",
                "DeepSeek (the research team's shared account)", null),
                balance("deepseek", minutesAgo(3), "CNY", "110.00"))), NOW);
        TrayMenu.Row row = (TrayMenu.Row) TrayMenu.of(s, NOW, false).getFirst();
        assertEquals("✓ DeepSeek (the research team's s… — ¥110.00 · 3 min ago", row.text());
    }
}

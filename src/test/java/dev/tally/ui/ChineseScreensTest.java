package dev.tally.ui;

import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.history.DailyRollup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tally.ui.BalanceCardViewModelTest.NOW;
import static dev.tally.ui.ChartViewModelTest.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The window's screens in Simplified Chinese, from their view models (no toolkit): the summary and footer, the
 * cards of twelve mixed accounts (errors, empty, low, stale, spend), and the 30-day chart. Words a Chinese reader
 * sees, with amounts in the providers' own currencies.
 */
class ChineseScreensTest {
    private final Language before = Messages.use(Language.SIMPLIFIED_CHINESE);
    private final CompletableFuture<List<DailyRollup>> history = new CompletableFuture<>();
    private final MainViewModel main = new MainViewModel(new BalanceCardViewModelTest.Recorder() {
        @Override
        public CompletionStage<List<DailyRollup>> history(String accountId, String currency, LocalDate from, LocalDate to) {
            return history;
        }
    }, Runnable::run, ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void back() {
        Messages.use(before);
    }

    private BalanceCardViewModel card(String id) {
        return main.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private void twelve() {
        main.setCompactChoice(Boolean.FALSE);
        main.apply(MixedAccounts.twelve(NOW), Map.of("ds-work", List.of(WindowPreview.week(NOW))), NOW);
    }

    @Test
    void theWindowsSummaryAndFooterInChinese() {
        twelve();
        assertEquals("12 个账户中有 7 个需要处理", main.attentionProperty().get());
        assertEquals("合计 $211.45 · ¥171.30", main.totalsProperty().get(), "each currency its own, never converted");
        assertEquals("上次查询 " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC)
                .format(NOW.minusSeconds(180)), main.footerProperty().get(), "the newest check, 3 minutes ago");
        assertEquals(List.of("ds-lab", "or", "sfun", "ahm", "sf", "ds-home", "ms", "ds-work", "fl", "nv", "xai", "zm"),
                main.cards().stream().map(BalanceCardViewModel::id).toList(), "worst first, as in English");
    }

    @Test
    void cardsSayWhatWentWrongInChinese() {
        twelve();
        BalanceCardViewModel lab = card("ds-lab");
        assertEquals("出错：密钥被拒绝", lab.badgeTextProperty().get());
        assertEquals("api.deepseek.com 拒绝了该密钥（HTTP 401）", lab.badgeDetailProperty().get(),
                "the HTTP layer's detail in Chinese, the host name as it is written");
        assertEquals("密钥被拒绝，请检查密钥", lab.reasonProperty().get());
        assertEquals("上次查询失败（3 分钟前），尚无余额", lab.updatedProperty().get());

        BalanceCardViewModel moonshot = card("ms");
        assertEquals("已过时：请求超时", moonshot.badgeTextProperty().get());
        assertEquals("api.moonshot.ai 在 20 秒内没有响应", moonshot.badgeDetailProperty().get());
        assertEquals("等待响应超时，Tally 稍后重试", moonshot.reasonProperty().get());

        assertEquals("已用完", card("or").badgeTextProperty().get());
        assertEquals("余额已用完，充值前 API 调用都会失败；3 分钟前查询", card("or").badgeDetailProperty().get());
        assertEquals("余额不足", card("ahm").badgeTextProperty().get());
        assertEquals("低于提醒阈值 $2.00", card("ahm").lowTextProperty().get());
        assertEquals("已过时 2 小时", card("ds-home").badgeTextProperty().get());
        for (BalanceCardViewModel c : main.cards()) {
            assertFalse((c.badgeTextProperty().get() + c.badgeDetailProperty().get() + c.reasonProperty().get()
                    + c.updatedProperty().get()).matches("(?s).*\\b(the|key|balance|ago|checked)\\b.*"),
                    c.id() + " has English words left");
        }
    }

    @Test
    void theSparklineAndSpendInChinese() {
        twelve();
        BalanceCardViewModel work = card("ds-work");
        assertEquals("最新", work.badgeTextProperty().get());
        assertEquals("3 分钟前更新", work.updatedProperty().get());
        assertEquals("本周消费 ¥19.56（估算）", work.spendTextProperty().get());
        assertEquals("按当前速度约可用 24 天", work.runwayTextProperty().get());
        assertEquals("近 7 天", work.sparkRangeProperty().get());
        assertEquals("每 6 小时最低 ¥0.10 · 最高 ¥1.40", work.sparkMinMaxProperty().get());
    }

    @Test
    void theChartInChinese() {
        twelve();
        card("ds-work").openChart();
        ChartViewModel chart = main.chartProperty().get();
        assertEquals("DeepSeek (work) — 近 30 天", chart.titleProperty().get());
        assertEquals("正在读取历史记录…", chart.statusProperty().get());
        history.complete(List.of(day("2026-11-21", "114.10", "4.10"), day("2026-11-22", null, "0.00")));
        assertEquals(List.of("11月21日：余额 ¥114.10 · 消费 ¥4.10", "11月22日：消费 ¥0.00"),
                chart.days().stream().map(ChartViewModel.Day::text).toList(), "Chinese dates, exact money");
        assertEquals("11月22日", ChartViewModel.label(LocalDate.parse("2026-11-22")), "the date axis");
        assertEquals("余额（CNY）", chart.balanceName());
        assertEquals("估算日消费（CNY）", chart.spendName());
        ChartViewModel none = new ChartViewModel("Kimi", "CNY", CompletableFuture.failedFuture(
                new IllegalStateException("database locked")), Runnable::run);
        assertEquals("还没有近 30 天的历史记录", none.statusProperty().get());
    }
}

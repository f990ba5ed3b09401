package dev.tally.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.app.AppContext;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.history.PollOutcome;
import dev.tally.poll.FetchOutcome;
import dev.tally.poll.FetchTarget;
import dev.tally.poll.Health;
import dev.tally.provider.ProviderInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tally status [--json]}: the last known state of every account, from the history. No network. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Last known balance of every account with its age and stale flag, from the local history (no network).")
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    TallyCommand root;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        AppContext ctx = root.context();
        AccountStore.Loaded loaded = AccountsCommand.load(root, false);
        Instant now = ctx.clock().instant();
        ObjectNode doc = BalanceJson.MAPPER.createObjectNode();
        doc.put("checkedAt", now.truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode list = doc.putArray("accounts");
        for (Account a : loaded.accounts()) {
            Optional<BalanceSnapshot> last = ctx.history().lastSnapshot(a.id());
            Optional<PollOutcome> outcome = ctx.history().lastOutcome(a.id());
            Duration interval = Duration.ofMinutes(a.intervalMinutes());
            Instant lastGoodAt = last.map(BalanceSnapshot::fetchedAt).orElse(null);
            AccountStatus lastStatus = outcome.map(PollOutcome::status).orElse(lastGoodAt == null ? null : AccountStatus.OK);
            Health health = Health.of(lastGoodAt, lastStatus, interval, now);
            boolean stale = Health.staleValue(lastGoodAt, lastStatus, interval, now);
            ProviderInfo info = ctx.catalog().find(a.provider().value()).orElse(null);
            if (json) {
                ObjectNode n = list.addObject();
                if (info != null && last.isPresent()) {
                    BalanceJson.account(n, new FetchOutcome.Success(FetchTarget.of(a, info), lastGoodAt, last.get()));
                } else {
                    n.put("id", a.id());
                    n.put("provider", a.provider().value());
                    n.put("label", a.label());
                    n.putArray("balances");
                }
                n.put("status", lastStatus == null ? null : lastStatus.jsonName());
                n.put("message", outcome.map(PollOutcome::message).orElse(null));
                n.put("health", health.name().toLowerCase());
                n.put("stale", stale);
                n.put("lastSuccessAt", lastGoodAt == null ? null : lastGoodAt.toString());
                if (lastGoodAt == null) {
                    n.putNull("ageSeconds");
                } else {
                    n.put("ageSeconds", Duration.between(lastGoodAt, now).toSeconds());
                }
                n.put("source", "history");
            } else {
                StringBuilder line = new StringBuilder(a.label()).append(": ");
                if (last.isPresent()) {
                    line.append(BalanceText.describe(last.get())).append(" — ").append(Ages.ago(lastGoodAt, now));
                    if (stale) {
                        line.append(" [stale]");
                    }
                } else {
                    line.append("no balance recorded yet");
                }
                if (lastStatus != null && lastStatus != AccountStatus.OK) {
                    line.append(" — last check failed: ").append(outcome.map(PollOutcome::message).orElse(lastStatus.jsonName()));
                }
                root.io().out().println(line);
            }
        }
        if (json) {
            root.io().out().println(doc.toPrettyString());
        } else if (loaded.accounts().isEmpty()) {
            root.io().err().println("No accounts yet. Add one with: tally accounts add --provider deepseek");
        }
        return Cli.OK;
    }
}

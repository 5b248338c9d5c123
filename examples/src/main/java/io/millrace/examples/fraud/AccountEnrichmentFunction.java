package io.millrace.examples.fraud;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedCoProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enriches each transaction with the account data that held at its timestamp (an event-time
 * temporal join): transactions and updates wait in keyed state until the watermark passes the
 * transaction, then the latest update at or before it is applied and the transaction emitted.
 * The result does not depend on how the two inputs interleave.
 */
public class AccountEnrichmentFunction
    extends KeyedCoProcessFunction<String, Transaction, AccountUpdate, EnrichedTransaction> {

  private transient MapState<Long, Transaction> waiting;        // by timestamp (unique)
  private transient MapState<Long, AccountUpdate> pendingUpdates; // by effective time
  private transient ValueState<AccountUpdate> current;

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting", Long.class, Transaction.class));
    pendingUpdates = getRuntimeContext().getMapState(
        new MapStateDescriptor<>("pending-updates", Long.class, AccountUpdate.class));
    current = getRuntimeContext().getState(new ValueStateDescriptor<>("account", AccountUpdate.class));
  }

  @Override
  public void processElement1(Transaction txn, Context ctx, Collector<EnrichedTransaction> out) throws Exception {
    waiting.put(txn.timestamp(), txn);
    ctx.timerService().registerEventTimeTimer(txn.timestamp());
  }

  @Override
  public void processElement2(AccountUpdate update, Context ctx, Collector<EnrichedTransaction> out) throws Exception {
    pendingUpdates.put(update.timestamp(), update);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnrichedTransaction> out) throws Exception {
    AccountUpdate account = current.value();
    List<Long> applied = new ArrayList<>();
    for (Map.Entry<Long, AccountUpdate> update : pendingUpdates.entries()) {
      if (update.getKey() <= timestamp) {
        applied.add(update.getKey());
        if (account == null || update.getKey() >= account.timestamp()) {
          account = update.getValue();
        }
      }
    }
    for (Long key : applied) {
      pendingUpdates.remove(key);
    }
    current.update(account);
    Transaction txn = waiting.get(timestamp);
    waiting.remove(timestamp);
    out.collect(account == null
        ? new EnrichedTransaction(txn, "unknown", "unknown")
        : new EnrichedTransaction(txn, account.holder(), account.homeCountry()));
  }
}

package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.StockPlan;
import com.omnis.inventory.domain.StockPlan.Assertion;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Turns a {@link StockPlan} into transaction actions. A write {@code ADD}s the differences between
 * the record it read and the record it wants, so concurrent changes add up rather than overwrite
 * each other; its condition is the conjunction of the plan's assertions on the record as it is
 * when the write applies.
 */
final class StockWrites {

    private final String table;

    StockWrites(String table) {
        this.table = table;
    }

    List<TransactWriteItem> actions(StockPlan plan) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (StockPlan.Write write : plan.writes()) {
            actions.add(write.delete() ? delete(write) : update(write));
        }
        for (StockPlan.VersionCheck check : plan.checks()) {
            Expression condition = new Expression();
            condition.assertion(new Assertion.VersionIs(check.version()));
            actions.add(TransactWriteItem.builder().conditionCheck(condition.apply(ConditionCheck.builder()
                    .tableName(table).key(StockItems.key(check.key())))).build());
        }
        return actions;
    }

    private TransactWriteItem delete(StockPlan.Write write) {
        Expression condition = new Expression();
        new LinkedHashSet<>(write.assertions()).forEach(condition::assertion);
        Delete.Builder delete = Delete.builder().tableName(table).key(StockItems.key(write.key()));
        if (!condition.isEmpty()) {
            delete.conditionExpression(condition.text()).expressionAttributeNames(condition.names);
            if (!condition.values.isEmpty()) {
                delete.expressionAttributeValues(condition.values);
            }
        }
        return TransactWriteItem.builder().delete(delete.build()).build();
    }

    private TransactWriteItem update(StockPlan.Write write) {
        StockRecord read = write.read();
        StockRecord next = write.next();
        Expression e = new Expression();
        List<String> adds = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        add(e, adds, StockItems.ON_HAND, next.onHand() - read.onHand());
        add(e, adds, StockItems.RESERVED, next.reserved() - read.reserved());
        add(e, adds, StockItems.FREE, next.free() - read.free());
        add(e, adds, StockItems.IN_TRANSIT, next.inTransit() - read.inTransit());
        long[] before = StockItems.ledgerValues(read.ledger());
        long[] after = StockItems.ledgerValues(next.ledger());
        for (int i = 0; i < before.length; i++) {
            add(e, adds, StockItems.LEDGER.get(i), after[i] - before[i]);
        }
        adds.add(e.name(StockItems.VERSION) + " " + e.value(AttributeValue.fromN("1")));
        sets.add(e.name(StockItems.UPDATED_AT) + " = " + e.value(AttributeValue.fromS(next.updatedAt().toString())));
        sets.add(e.name(StockItems.LOCATION_ID) + " = " + e.value(AttributeValue.fromS(next.locationId())));
        sets.add(e.name(StockItems.SHARD) + " = " + e.value(AttributeValue.fromN(Integer.toString(next.shard()))));
        if (next.shard() == 0) {
            sets.add(e.name(StockItems.STOCK_LOCATION) + " = " + e.value(AttributeValue.fromS(next.locationId())));
            Map<String, AttributeValue> settings = StockItems.settingsAttributes(
                    write.settingsChanged() ? next.settings() : PositionSettings.DEFAULT);
            settings.forEach((attribute, value) -> {
                String name = e.name(attribute);
                sets.add(write.settingsChanged() ? name + " = " + e.value(value)
                        : name + " = if_not_exists(" + name + ", " + e.value(value) + ")");
            });
        }
        String updateExpression = "SET " + String.join(", ", sets) + " ADD " + String.join(", ", adds);
        Expression condition = e;
        int conditionStart = e.clauses.size();
        new LinkedHashSet<>(write.assertions()).forEach(e::assertion);
        Update.Builder update = Update.builder().tableName(table).key(StockItems.key(write.key()))
                .updateExpression(updateExpression)
                .expressionAttributeNames(e.names)
                .expressionAttributeValues(e.values);
        if (condition.clauses.size() > conditionStart) {
            update.conditionExpression(condition.text());
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static void add(Expression e, List<String> adds, String attribute, long delta) {
        if (delta != 0) {
            adds.add(e.name(attribute) + " " + e.value(AttributeValue.fromN(Long.toString(delta))));
        }
    }

    /** Names, values and condition clauses of one action, each name and value declared once. */
    static final class Expression {
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        final List<String> clauses = new ArrayList<>();

        String name(String attribute) {
            String placeholder = "#" + attribute;
            names.put(placeholder, attribute);
            return placeholder;
        }

        String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }

        void assertion(Assertion assertion) {
            switch (assertion) {
                case Assertion.FreeAtLeast a -> {
                    if (a.units() > 0) {
                        clauses.add(name(StockItems.FREE) + " >= " + number(a.units()));
                    }
                }
                case Assertion.FreeAtMost a -> clauses.add(atMost(a.units()));
                case Assertion.FreeBetween a -> clauses.add(a.low() <= 0 ? atMost(a.high())
                        : name(StockItems.FREE) + " BETWEEN " + number(a.low()) + " AND " + number(a.high()));
                case Assertion.ReservedAtLeast a -> clauses.add(name(StockItems.RESERVED) + " >= " + number(a.units()));
                case Assertion.VersionIs a -> clauses.add(a.version() == 0
                        ? "attribute_not_exists(" + name(StockItems.VERSION) + ")"
                        : name(StockItems.VERSION) + " = " + number(a.version()));
            }
        }

        private String atMost(long units) {
            String free = name(StockItems.FREE);
            return "(attribute_not_exists(" + free + ") OR " + free + " <= " + number(units) + ")";
        }

        private String number(long n) {
            return value(AttributeValue.fromN(Long.toString(n)));
        }

        boolean isEmpty() {
            return clauses.isEmpty();
        }

        String text() {
            return String.join(" AND ", clauses);
        }

        ConditionCheck apply(ConditionCheck.Builder check) {
            check.conditionExpression(text()).expressionAttributeNames(names);
            if (!values.isEmpty()) {
                check.expressionAttributeValues(values);
            }
            return check.build();
        }
    }
}

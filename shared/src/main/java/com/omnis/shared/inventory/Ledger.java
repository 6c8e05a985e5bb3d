package com.omnis.shared.inventory;

/**
 * Cumulative movement counters of one stock record, so that conservation can be audited item by
 * item: {@code received − sold + restocked − damaged + counted + transferredIn − transferredOut
 * + rebalanced = onHand}. {@code sold} counts till sales, committed reservations and units taken by
 * orders; {@code restocked} units that came back to the shelf after a sale (a cancelled order, a
 * pickup never collected, a customer return, wherever it is received); {@code counted} is the net
 * adjustment of stock counts; {@code rebalanced} the net units moved between shards of one position
 * (sums to zero).
 */
public record Ledger(long received, long sold, long damaged, long counted, long transferredIn, long transferredOut,
                     long rebalanced, long restocked) {

    public static final Ledger EMPTY = new Ledger(0, 0, 0, 0, 0, 0, 0, 0);

    public long expectedOnHand() {
        return received - sold + restocked - damaged + counted + transferredIn - transferredOut + rebalanced;
    }

    public Ledger plus(Ledger other) {
        return new Ledger(received + other.received, sold + other.sold, damaged + other.damaged,
                counted + other.counted, transferredIn + other.transferredIn,
                transferredOut + other.transferredOut, rebalanced + other.rebalanced, restocked + other.restocked);
    }

    public Ledger receive(long units) {
        return new Ledger(received + units, sold, damaged, counted, transferredIn, transferredOut, rebalanced, restocked);
    }

    public Ledger sell(long units) {
        return new Ledger(received, sold + units, damaged, counted, transferredIn, transferredOut, rebalanced, restocked);
    }

    public Ledger restock(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn, transferredOut, rebalanced, restocked + units);
    }

    public Ledger damage(long units) {
        return new Ledger(received, sold, damaged + units, counted, transferredIn, transferredOut, rebalanced, restocked);
    }

    public Ledger count(long adjustment) {
        return new Ledger(received, sold, damaged, counted + adjustment, transferredIn, transferredOut, rebalanced,
                restocked);
    }

    public Ledger transferIn(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn + units, transferredOut, rebalanced, restocked);
    }

    public Ledger transferOut(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn, transferredOut + units, rebalanced, restocked);
    }

    public Ledger rebalance(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn, transferredOut, rebalanced + units, restocked);
    }
}

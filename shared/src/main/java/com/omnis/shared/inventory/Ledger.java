package com.omnis.shared.inventory;

/**
 * Cumulative movement counters of one stock record, so that conservation can be audited item by
 * item: {@code received − sold − damaged + counted + transferredIn − transferredOut + rebalanced = onHand}.
 * {@code sold} counts till sales and committed reservations; {@code counted} is the net adjustment of
 * stock counts; {@code rebalanced} the net units moved between shards of one position (sums to zero).
 */
public record Ledger(long received, long sold, long damaged, long counted, long transferredIn, long transferredOut,
                     long rebalanced) {

    public static final Ledger EMPTY = new Ledger(0, 0, 0, 0, 0, 0, 0);

    public long expectedOnHand() {
        return received - sold - damaged + counted + transferredIn - transferredOut + rebalanced;
    }

    public Ledger plus(Ledger other) {
        return new Ledger(received + other.received, sold + other.sold, damaged + other.damaged,
                counted + other.counted, transferredIn + other.transferredIn,
                transferredOut + other.transferredOut, rebalanced + other.rebalanced);
    }

    public Ledger receive(long units) {
        return new Ledger(received + units, sold, damaged, counted, transferredIn, transferredOut, rebalanced);
    }

    public Ledger sell(long units) {
        return new Ledger(received, sold + units, damaged, counted, transferredIn, transferredOut, rebalanced);
    }

    public Ledger damage(long units) {
        return new Ledger(received, sold, damaged + units, counted, transferredIn, transferredOut, rebalanced);
    }

    public Ledger count(long adjustment) {
        return new Ledger(received, sold, damaged, counted + adjustment, transferredIn, transferredOut, rebalanced);
    }

    public Ledger transferIn(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn + units, transferredOut, rebalanced);
    }

    public Ledger transferOut(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn, transferredOut + units, rebalanced);
    }

    public Ledger rebalance(long units) {
        return new Ledger(received, sold, damaged, counted, transferredIn, transferredOut, rebalanced + units);
    }
}

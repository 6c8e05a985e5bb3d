package com.omnis.shared.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Set;

/**
 * A discount on a SKU or on a whole category, either automatic or unlocked by a code, valid in
 * {@code [validFrom, validUntil)}. {@code percentOff} (1..100) or {@code amountOff} (per unit), never both.
 */
public record Promotion(String promotionId, String name, Kind kind, Integer percentOff, Money amountOff,
                        Target target, String targetValue, String code, Instant validFrom, Instant validUntil) {

    /** In JSON {@code percent-off} or {@code amount-off}. */
    public enum Kind {
        PERCENT_OFF, AMOUNT_OFF;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Kind parse(String code) {
            return EnumCodes.parse(Kind.class, code, "kind");
        }
    }

    /** In JSON {@code sku} or {@code category}. */
    public enum Target {
        SKU, CATEGORY;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Target parse(String code) {
            return EnumCodes.parse(Target.class, code, "target");
        }
    }

    public Promotion {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("name is required, at most 120 characters");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: percent-off or amount-off");
        }
        if (kind == Kind.PERCENT_OFF && (percentOff == null || percentOff < 1 || percentOff > 100 || amountOff != null)) {
            throw new IllegalArgumentException("a percent-off promotion needs percentOff between 1 and 100 and no amountOff");
        }
        if (kind == Kind.AMOUNT_OFF && (amountOff == null || amountOff.amount() < 1 || percentOff != null)) {
            throw new IllegalArgumentException("an amount-off promotion needs a positive amountOff and no percentOff");
        }
        if (target == null || targetValue == null || targetValue.isBlank()) {
            throw new IllegalArgumentException("target (sku or category) and targetValue are required");
        }
        if (target == Target.SKU) {
            Sku.of(targetValue);
        }
        if (code != null) {
            code = PromoCode.of(code).value();
        }
        if (validFrom == null || validUntil == null || !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validFrom and validUntil are required, validUntil after validFrom");
        }
    }

    public boolean isActiveAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    public boolean appliesTo(Sku sku, String category) {
        return target == Target.SKU ? targetValue.equals(sku.value()) : targetValue.equals(category);
    }

    /** Automatic promotions always apply; a coded one only once its code is on the cart. */
    public boolean isUnlockedBy(Set<String> codes) {
        return code == null || codes.contains(code);
    }

    /** The discount on {@code quantity} units at {@code unitPrice}: percent rounded half-up on the line, amounts capped at the price. */
    public Money discountFor(Money unitPrice, int quantity) {
        Money lineTotal = unitPrice.times(quantity);
        if (kind == Kind.PERCENT_OFF) {
            long cents = Math.floorDiv(Math.addExact(Math.multiplyExact(lineTotal.amount(), percentOff), 50), 100);
            return Money.of(cents, unitPrice.currency());
        }
        if (!amountOff.currency().equals(unitPrice.currency())) {
            return Money.zero(unitPrice.currency());
        }
        return amountOff.min(unitPrice).times(quantity);
    }
}

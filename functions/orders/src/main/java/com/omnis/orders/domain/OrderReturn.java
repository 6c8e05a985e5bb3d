package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;

/** Units a customer sends or brings back; received at any location, refunded on receipt. */
public record OrderReturn(String returnId, List<Line> lines, String reason, Status status, String requestedBy,
                          Instant requestedAt, String receivedAt, Instant receivedOn, List<Received> received,
                          Money refund) {

    public record Line(Sku sku, int quantity) {
    }

    public record Received(Sku sku, int quantity, Disposition disposition) {
    }

    public enum Status {
        REQUESTED, RECEIVED;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Status parse(String code) {
            return EnumCodes.parse(Status.class, code, "return status");
        }
    }

    /** What becomes of a returned unit: back on the shelf, set aside for checking, or thrown away. */
    public enum Disposition {
        RESTOCK, QUARANTINE, WRITE_OFF;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Disposition parse(String code) {
            return EnumCodes.parse(Disposition.class, code, "disposition");
        }
    }

    public OrderReturn {
        lines = List.copyOf(lines);
        received = received == null ? List.of() : List.copyOf(received);
    }

    public int units(Sku sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).mapToInt(Line::quantity).sum();
    }
}

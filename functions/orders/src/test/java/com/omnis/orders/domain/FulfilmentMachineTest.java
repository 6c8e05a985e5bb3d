package com.omnis.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FulfilmentMachineTest {

    @Test
    void aDeliveryGoesCreatedPickedPackedShippedThenDeliveredOrFailed() {
        assertThat(FulfilmentMachine.allowed(FulfilmentKind.DELIVERY, FulfilmentState.CREATED))
                .containsExactly(FulfilmentState.PICKED, FulfilmentState.CANCELLED);
        assertThat(FulfilmentMachine.allowed(FulfilmentKind.SHIP_FROM_STORE, FulfilmentState.PACKED))
                .containsExactly(FulfilmentState.SHIPPED, FulfilmentState.CANCELLED);
        assertThat(FulfilmentMachine.allowed(FulfilmentKind.DELIVERY, FulfilmentState.SHIPPED))
                .containsExactly(FulfilmentState.DELIVERED, FulfilmentState.DELIVERY_FAILED);
    }

    @Test
    void nothingIsCancelledOnceShippedOutForDeliveryOrCollected() {
        assertThat(FulfilmentMachine.allows(FulfilmentKind.DELIVERY, FulfilmentState.SHIPPED, FulfilmentState.CANCELLED)).isFalse();
        assertThat(FulfilmentMachine.allows(FulfilmentKind.SAME_DAY, FulfilmentState.OUT_FOR_DELIVERY, FulfilmentState.CANCELLED))
                .isFalse();
        assertThat(FulfilmentMachine.allowed(FulfilmentKind.PICKUP, FulfilmentState.COLLECTED)).isEmpty();
        assertThat(FulfilmentMachine.allows(FulfilmentKind.PICKUP, FulfilmentState.READY_FOR_PICKUP, FulfilmentState.CANCELLED))
                .isTrue();
    }

    @Test
    void aPickupIsReadyThenCollectedOrExpiredAndATillSaleStartsCollected() {
        assertThat(FulfilmentMachine.allowed(FulfilmentKind.PICKUP, FulfilmentState.READY_FOR_PICKUP))
                .containsExactly(FulfilmentState.COLLECTED, FulfilmentState.EXPIRED, FulfilmentState.CANCELLED);
        assertThat(FulfilmentMachine.initial(FulfilmentKind.IN_STORE)).isEqualTo(FulfilmentState.COLLECTED);
        assertThat(FulfilmentMachine.initial(FulfilmentKind.SAME_DAY)).isEqualTo(FulfilmentState.CREATED);
    }
}

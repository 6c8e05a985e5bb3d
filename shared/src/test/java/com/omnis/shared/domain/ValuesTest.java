package com.omnis.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void quantityIsOneToNinetyNineAndMergesCapped() {
        assertThatThrownBy(() -> new Quantity(0)).hasMessage(Quantity.RULE);
        assertThatThrownBy(() -> new Quantity(100)).hasMessage(Quantity.RULE);
        assertThat(new Quantity(60).plusCapped(new Quantity(60))).isEqualTo(new Quantity(99));
    }

    @Test
    void promoCodesAreCaseInsensitiveForShoppers() {
        assertThat(PromoCode.of(" summer10 ")).isEqualTo(new PromoCode("SUMMER10"));
        assertThatThrownBy(() -> PromoCode.of("x")).hasMessage(PromoCode.RULE);
    }

    @Test
    void locationAndCustomerIdsRefuseWhatWouldBreakAKey() {
        assertThat(LocationId.of("store-paris-opera").value()).isEqualTo("store-paris-opera");
        assertThatThrownBy(() -> LocationId.of("Store Paris")).hasMessage(LocationId.RULE);
        assertThat(CustomerId.of("customer-1").value()).isEqualTo("customer-1");
        assertThatThrownBy(() -> CustomerId.of("a#b")).hasMessage(CustomerId.RULE);
        assertThatThrownBy(() -> CustomerId.of("")).hasMessage(CustomerId.RULE);
    }
}

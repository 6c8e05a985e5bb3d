package com.omnis.shared.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void collectsEveryInvalidValueWithTheRuleItBroke() {
        // given
        FieldErrors errors = new FieldErrors();

        // when
        Sku sku = errors.parse("path sku", "not a sku", Sku::of);
        Quantity quantity = errors.parse("quantity", 120, Quantity::of);
        Quantity missing = errors.parse("lines[1].quantity", (Integer) null, Quantity::of);

        // then
        assertThat(sku).isNull();
        assertThat(quantity).isNull();
        assertThat(missing).isNull();
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("path sku", "quantity", "lines[1].quantity");
            assertThat(e.errors().get(1).message()).isEqualTo(Quantity.RULE);
            assertThat(e.detail()).isEqualTo("3 fields are invalid");
        });
    }

    @Test
    void validValuesPassAndNothingIsThrown() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.parse("sku", "SHOE-RUN-42", Sku::of)).isEqualTo(new Sku("SHOE-RUN-42"));
        assertThat(errors.parseOptional("promo", null, Sku::of)).isNull();
        errors.throwIfAny();
        assertThat(errors.isEmpty()).isTrue();
    }
}

package com.omnis.shared.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.Promotion.Kind;
import com.omnis.shared.catalog.Promotion.Target;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-07-01T00:00:00Z");
    private static final Sku SHOE = Sku.of("SHOE-RUN-42");

    private final PriceCalculator calculator = new PriceCalculator();

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    private static PricingItem shoes(long unitCents, int quantity) {
        return new PricingItem(SHOE, "shoes", eur(unitCents), quantity);
    }

    private static Promotion percentOff(String id, int percent, Target target, String value) {
        return new Promotion(id, "promo " + id, Kind.PERCENT_OFF, percent, null, target, value, null, START, END);
    }

    private static Promotion amountOff(String id, Money amount, Target target, String value) {
        return new Promotion(id, "promo " + id, Kind.AMOUNT_OFF, null, amount, target, value, null, START, END);
    }

    private static Promotion coded(String id, int percent, String code) {
        return new Promotion(id, "promo " + id, Kind.PERCENT_OFF, percent, null, Target.SKU, SHOE.value(), code, START, END);
    }

    private static Promotion window(String id, Instant from, Instant until) {
        return new Promotion(id, "promo " + id, Kind.PERCENT_OFF, 10, null, Target.SKU, SHOE.value(), null, from, until);
    }

    private PricedLine price(PricingItem item, Promotion... promotions) {
        return calculator.priceLine(item, List.of(promotions), Set.of(), NOW);
    }

    @Nested
    class Rounding {

        @Test
        void aPercentageIsTakenOnceOnTheLineTotalAndRoundedHalfUp() {
            // 3 × 1.05 = 3.15; 10 % = 0.315 → 0.32 (per unit it would have been 3 × 0.11 = 0.33)
            PricedLine line = price(shoes(105, 3), percentOff("p1", 10, Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(32));
            assertThat(line.lineTotal()).isEqualTo(eur(283));
        }

        @Test
        void anExactHalfCentRoundsUp() {
            PricedLine line = price(shoes(5, 1), percentOff("p1", 10, Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(1));
            assertThat(line.lineTotal()).isEqualTo(eur(4));
        }

        @Test
        void lessThanHalfACentRoundsDownAndThenNoPromotionIsShown() {
            PricedLine line = price(shoes(4, 1), percentOff("p1", 10, Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(0));
            assertThat(line.lineTotal()).isEqualTo(eur(4));
            assertThat(line.promotions()).isEmpty();
        }

        @Test
        void aHundredPercentMakesTheLineFreeNeverNegative() {
            PricedLine line = price(shoes(12999, 2), percentOff("p1", 100, Target.SKU, SHOE.value()));

            assertThat(line.lineTotal()).isEqualTo(eur(0));
            assertThat(line.discount()).isEqualTo(eur(25998));
        }
    }

    @Nested
    class AmountOff {

        @Test
        void anAmountOffIsTakenOffEveryUnit() {
            PricedLine line = price(shoes(1000, 3), amountOff("a1", eur(200), Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(600));
            assertThat(line.lineTotal()).isEqualTo(eur(2400));
        }

        @Test
        void anAmountOffLargerThanTheUnitPriceIsCappedAtTheUnitPrice() {
            PricedLine line = price(shoes(300, 2), amountOff("a1", eur(500), Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(600));
            assertThat(line.lineTotal()).isEqualTo(eur(0));
        }

        @Test
        void anAmountOffInAnotherCurrencyDoesNotApply() {
            PricedLine line = price(shoes(1000, 1), amountOff("a1", Money.of(200, "USD"), Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(0));
            assertThat(line.promotions()).isEmpty();
        }
    }

    @Nested
    class Stacking {

        @Test
        void promotionsDoNotStackTheLargestDiscountWins() {
            PricedLine line = price(shoes(10000, 1),
                    percentOff("sku-10", 10, Target.SKU, SHOE.value()),
                    percentOff("cat-15", 15, Target.CATEGORY, "shoes"),
                    amountOff("amount-12", eur(1200), Target.SKU, SHOE.value()));

            assertThat(line.discount()).isEqualTo(eur(1500));
            assertThat(line.promotions()).singleElement()
                    .satisfies(p -> assertThat(p.promotionId()).isEqualTo("cat-15"))
                    .satisfies(p -> assertThat(p.discount()).isEqualTo(eur(1500)));
        }

        @Test
        void percentagesAndAmountsCompeteOnTheMoneyTheyTakeOff() {
            Promotion tenPercent = percentOff("pct", 10, Target.SKU, SHOE.value());
            Promotion oneTwentyOff = amountOff("amt", eur(120), Target.SKU, SHOE.value());

            // 10 % of 9.99 is 1.00 < 1.20; 10 % of 20.00 is 2.00 > 1.20
            assertThat(price(shoes(999, 1), tenPercent, oneTwentyOff).promotions())
                    .extracting(AppliedPromotion::promotionId).containsExactly("amt");
            assertThat(price(shoes(2000, 1), tenPercent, oneTwentyOff).promotions())
                    .extracting(AppliedPromotion::promotionId).containsExactly("pct");
        }

        @Test
        void onATieThePromotionEndingFirstWins() {
            Promotion endsLater = new Promotion("a-later", "later", Kind.PERCENT_OFF, 10, null, Target.SKU,
                    SHOE.value(), null, START, END.plusSeconds(3600));
            Promotion endsFirst = new Promotion("z-first", "first", Kind.PERCENT_OFF, 10, null, Target.CATEGORY,
                    "shoes", null, START, END);

            PricedLine line = price(shoes(1000, 1), endsLater, endsFirst);

            assertThat(line.promotions()).extracting(AppliedPromotion::promotionId).containsExactly("z-first");
        }

        @Test
        void onATieWithTheSameEndTheSmallerIdWins() {
            PricedLine line = price(shoes(1000, 1),
                    percentOff("promo-b", 10, Target.SKU, SHOE.value()),
                    amountOff("promo-a", eur(100), Target.CATEGORY, "shoes"));

            assertThat(line.promotions()).extracting(AppliedPromotion::promotionId).containsExactly("promo-a");
        }

        @Test
        void aPromotionForAnotherSkuOrCategoryIsIgnored() {
            PricedLine line = price(shoes(1000, 1),
                    percentOff("other-sku", 50, Target.SKU, "HAT-1"),
                    percentOff("other-cat", 50, Target.CATEGORY, "hats"));

            assertThat(line.discount()).isEqualTo(eur(0));
            assertThat(line.promotions()).isEmpty();
        }
    }

    @Nested
    class Codes {

        private final Promotion automatic = percentOff("auto", 10, Target.SKU, SHOE.value());
        private final Promotion summer = coded("summer", 20, "SUMMER20");

        @Test
        void aCodedPromotionIsIgnoredUntilItsCodeIsOnTheCart() {
            PricedLine line = calculator.priceLine(shoes(1000, 1), List.of(automatic, summer), Set.of(), NOW);

            assertThat(line.promotions()).extracting(AppliedPromotion::promotionId).containsExactly("auto");
        }

        @Test
        void aCodeOnTheCartUnlocksItsPromotionWhichThenCompetesWithTheOthers() {
            PricedLine line = calculator.priceLine(shoes(1000, 1), List.of(automatic, summer), Set.of("SUMMER20"), NOW);

            assertThat(line.promotions()).singleElement()
                    .satisfies(p -> assertThat(p.code()).isEqualTo("SUMMER20"))
                    .satisfies(p -> assertThat(p.discount()).isEqualTo(eur(200)));
        }

        @Test
        void anotherCodeDoesNotUnlockIt() {
            PricedLine line = calculator.priceLine(shoes(1000, 1), List.of(summer), Set.of("WINTER20"), NOW);

            assertThat(line.promotions()).isEmpty();
        }

        @Test
        void theProductPageShowsOnlyAutomaticPromotions() {
            PricedLine offer = calculator.unitOffer(shoes(1000, 7), List.of(automatic, summer), NOW);

            assertThat(offer.quantity()).isEqualTo(1);
            assertThat(offer.lineTotal()).isEqualTo(eur(900));
            assertThat(calculator.effectiveUnitPrice(shoes(1000, 7), List.of(automatic, summer), NOW)).isEqualTo(eur(900));
        }
    }

    @Nested
    class ValidityWindow {

        @Test
        void aPromotionAppliesFromItsFirstInstant() {
            assertThat(calculator.priceLine(shoes(1000, 1), List.of(window("w", NOW, END)), Set.of(), NOW).discount())
                    .isEqualTo(eur(100));
        }

        @Test
        void aPromotionNoLongerAppliesAtItsEndInstant() {
            assertThat(calculator.priceLine(shoes(1000, 1), List.of(window("w", START, NOW)), Set.of(), NOW).discount())
                    .isEqualTo(eur(0));
        }

        @Test
        void aPromotionAppliesUpToTheLastInstantBeforeItsEnd() {
            Promotion promotion = window("w", START, NOW.plusNanos(1));

            assertThat(calculator.priceLine(shoes(1000, 1), List.of(promotion), Set.of(), NOW).discount())
                    .isEqualTo(eur(100));
        }

        @Test
        void aPromotionDoesNotApplyBeforeItStarts() {
            Promotion promotion = window("w", NOW.plusSeconds(1), END);

            assertThat(calculator.priceLine(shoes(1000, 1), List.of(promotion), Set.of(), NOW).discount())
                    .isEqualTo(eur(0));
        }
    }

    @Nested
    class Carts {

        @Test
        void cartTotalsAreTheSumsOfTheirLines() {
            PricingItem socks = new PricingItem(Sku.of("SOCK-1"), "socks", eur(499), 3);
            PricedCart cart = calculator.priceCart("EUR", List.of(shoes(10000, 1), socks),
                    List.of(percentOff("cat-20", 20, Target.CATEGORY, "shoes")), Set.of(), NOW);

            assertThat(cart.totals()).isEqualTo(new Totals(eur(11497), eur(2000), eur(9497)));
            assertThat(cart.lines()).extracting(PricedLine::lineTotal).containsExactly(eur(8000), eur(1497));
        }

        @Test
        void anEmptyCartCostsNothing() {
            PricedCart cart = calculator.priceCart("EUR", List.of(), List.of(), Set.of(), NOW);

            assertThat(cart.totals()).isEqualTo(new Totals(eur(0), eur(0), eur(0)));
        }

        @Test
        void aLineInAnotherCurrencyThanTheCartIsRefused() {
            PricingItem dollars = new PricingItem(SHOE, "shoes", Money.of(1000, "USD"), 1);

            assertThatThrownBy(() -> calculator.priceCart("EUR", List.of(dollars), List.of(), Set.of(), NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("EUR").hasMessageContaining("USD");
        }
    }

    @Nested
    class Quantities {

        @Test
        void aZeroQuantityIsNotALine() {
            assertThatThrownBy(() -> shoes(1000, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aLargeQuantityIsPricedExactly() {
            PricedLine line = price(shoes(999_999_99L, 10_000), percentOff("p", 33, Target.SKU, SHOE.value()));

            // 999 999 990 000 cents; 33 % = 329 999 996 700 exactly
            assertThat(line.discount()).isEqualTo(eur(329_999_996_700L));
            assertThat(line.lineTotal()).isEqualTo(eur(669_999_993_300L));
        }

        @Test
        void anAmountTooLargeForMoneyFailsInsteadOfWrappingAround() {
            assertThatThrownBy(() -> price(shoes(Long.MAX_VALUE / 2, 3)))
                    .isInstanceOf(ArithmeticException.class);
        }
    }
}

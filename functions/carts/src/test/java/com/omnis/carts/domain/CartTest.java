package com.omnis.carts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CartTest {

    private static final Instant T0 = Instant.parse("2025-06-02T10:00:00Z");

    private static CartLine line(String sku, int quantity, Instant addedAt) {
        return new CartLine(Sku.of(sku), Quantity.of(quantity), Money.of(1000, "EUR"), addedAt);
    }

    private static Cart with(Cart cart, CartEdit edit, Channel channel, Instant at) {
        return cart.apply(new CartUpdate(edit, channel, at, OptionalLong.empty(), cart.expiryAfterChangeAt(at)));
    }

    @Test
    void aLineHoldsOneToNinetyNineUnits() {
        assertThatThrownBy(() -> line("SOCK-3PK", 0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line("SOCK-3PK", 100, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(line("SOCK-3PK", 99, T0).quantity()).isEqualTo(Quantity.of(99));
    }

    @Test
    void aChangeBumpsTheVersionRecordsTheChannelAndPushesAGuestCartsExpiry() {
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("t"), "EUR", Channel.MOBILE, T0);
        Instant later = T0.plus(Duration.ofDays(3));

        Cart after = with(cart, new CartEdit.AddLine(line("SOCK-3PK", 2, later)), Channel.WEB, later);

        assertThat(after.version()).isEqualTo(2);
        assertThat(after.updatedAt()).isEqualTo(later);
        assertThat(after.expiresAt()).contains(later.plus(Cart.GUEST_TTL));
        assertThat(after.channels()).containsExactly(new ChannelVisit(Channel.MOBILE, T0, T0),
                new ChannelVisit(Channel.WEB, later, later));
    }

    @Test
    void aChangeIsRefusedOnAClosedCartOrAStaleVersion() {
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("t"), "EUR", Channel.MOBILE, T0);
        Cart closed = cart.closedByMergeInto(CartId.random(), Channel.WEB, T0);
        CartUpdate add = new CartUpdate(new CartEdit.AddLine(line("SOCK-3PK", 1, T0)), Channel.WEB, T0,
                OptionalLong.of(7), Optional.empty());

        assertThatThrownBy(() -> cart.apply(add)).isInstanceOf(CartChangedException.class);
        assertThatThrownBy(() -> with(closed, add.edit(), Channel.WEB, T0)).isInstanceOf(CartChangedException.class);
        assertThat(closed.status()).isEqualTo(CartStatus.MERGED);
    }

    @Test
    void onlyItsCustomerOrTheHolderOfItsTokenOpensACart() {
        Cart guest = Cart.newGuest(CartId.random(), CartToken.hash("secret"), "EUR", Channel.MOBILE, T0);
        Cart mine = Cart.newCustomer(CartId.random(), CustomerId.of("customer-1"), "EUR", Channel.WEB, T0);

        assertThat(guest.isOpenTo(Optional.empty(), Optional.of("secret"))).isTrue();
        assertThat(guest.isOpenTo(Optional.of(CustomerId.of("customer-1")), Optional.of("Secret"))).isFalse();
        assertThat(mine.isOpenTo(Optional.of(CustomerId.of("customer-1")), Optional.empty())).isTrue();
        assertThat(mine.isOpenTo(Optional.of(CustomerId.of("customer-2")), Optional.of("secret"))).isFalse();
    }

    @Test
    void aMergeUnitesChannelsFromTheirFirstToTheirLastSighting() {
        Instant t1 = T0.plusSeconds(60);
        Instant t2 = T0.plusSeconds(120);
        Cart guest = Cart.newGuest(CartId.random(), CartToken.hash("t"), "EUR", Channel.MOBILE, T0);
        guest = with(guest, new CartEdit.AddLine(line("SOCK-3PK", 60, T0)), Channel.WEB, t1);
        Cart mine = Cart.newCustomer(CartId.random(), CustomerId.of("customer-1"), "EUR", Channel.WEB, T0.minusSeconds(60));
        mine = with(mine, new CartEdit.AddLine(line("SOCK-3PK", 50, T0)), Channel.MOBILE, T0);

        Cart merged = mine.mergedFrom(guest, Channel.STORE, t2);

        assertThat(merged.version()).isEqualTo(mine.version() + 1);
        assertThat(merged.line(Sku.of("SOCK-3PK")).orElseThrow().quantity()).isEqualTo(Quantity.of(99));
        assertThat(merged.channels()).containsExactly(
                new ChannelVisit(Channel.WEB, T0.minusSeconds(60), t1),
                new ChannelVisit(Channel.MOBILE, T0, T0),
                new ChannelVisit(Channel.STORE, t2, t2));
        assertThat(merged.customerId()).contains(CustomerId.of("customer-1"));
        assertThat(merged.expiresAt()).isEmpty();
    }

    @Test
    void aMergeCarriesPromoCodesWhileTheCartHasRoom() {
        Cart guest = Cart.newGuest(CartId.random(), CartToken.hash("t"), "EUR", Channel.MOBILE, T0);
        Cart mine = Cart.newCustomer(CartId.random(), CustomerId.of("customer-1"), "EUR", Channel.WEB, T0);
        for (int i = 0; i < Cart.MAX_PROMO_CODES; i++) {
            guest = with(guest, new CartEdit.AddPromoCode(PromoCode.of("GUEST-" + i)), Channel.MOBILE, T0.plusSeconds(i));
        }
        mine = with(mine, new CartEdit.AddPromoCode(PromoCode.of("MINE-1")), Channel.WEB, T0);

        Cart merged = mine.mergedFrom(guest, Channel.WEB, T0.plusSeconds(60));

        assertThat(merged.promoCodes()).hasSize(Cart.MAX_PROMO_CODES).containsKey(PromoCode.of("MINE-1"));
    }

    @Test
    void aCheckedOutCartRemembersItsOrderAndTakesNoMoreEdits() {
        Cart cart = Cart.newGuest(CartId.random(), CartToken.hash("t"), "EUR", Channel.MOBILE, T0);
        Instant later = T0.plusSeconds(60);

        Cart closed = cart.checkedOutAs("order-1", later);

        assertThat(closed.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(closed.version()).isEqualTo(cart.version() + 1);
        assertThat(closed.checkedOut()).contains(new Cart.CheckedOut("order-1", later));
        assertThatThrownBy(() -> with(closed, new CartEdit.AddLine(line("SOCK-3PK", 1, later)), Channel.WEB, later))
                .isInstanceOf(CartChangedException.class);
        assertThatThrownBy(() -> closed.checkedOutAs("order-2", later)).isInstanceOf(CartChangedException.class);
    }
}

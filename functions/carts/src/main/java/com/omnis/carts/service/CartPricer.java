package com.omnis.carts.service;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.pricing.PricedCart;
import com.omnis.shared.pricing.PricedLine;
import com.omnis.shared.pricing.PricingItem;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prices a cart on every read with today's catalog prices and promotions, through the shared {@link PriceCalculator}. */
final class CartPricer {

    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final PriceCalculator calculator;

    CartPricer(ProductRepository products, PromotionRepository promotions, PriceCalculator calculator) {
        this.products = products;
        this.promotions = promotions;
        this.calculator = calculator;
    }

    CartView view(Cart cart, Instant at) {
        Map<Sku, Product> catalog = cart.lines().isEmpty() ? Map.of()
                : products.findAll(cart.lines().stream().map(CartLine::sku).toList());
        List<CartLine> sellable = cart.lines().stream().filter(line -> isSellable(catalog.get(line.sku()), cart)).toList();
        List<PricingItem> items = sellable.stream()
                .map(line -> {
                    Product product = catalog.get(line.sku());
                    return new PricingItem(line.sku(), product.category(), product.price(), line.quantity().value());
                })
                .toList();
        List<Promotion> active = items.isEmpty() ? List.of() : promotions.activeAt(at);
        Set<String> codes = cart.promoCodes().keySet().stream().map(PromoCode::value).collect(Collectors.toCollection(LinkedHashSet::new));
        PricedCart priced = calculator.priceCart(cart.currency(), items, active, codes, at);
        Map<Sku, PricedLine> pricedBySku = priced.lines().stream()
                .collect(Collectors.toMap(PricedLine::sku, Function.identity()));
        List<CartView.Line> lines = cart.lines().stream()
                .map(line -> toLine(line, catalog.get(line.sku()), pricedBySku.get(line.sku()), cart.currency()))
                .toList();
        return new CartView(cart.id().value(), cart.version(), cart.currency(), cart.status(), lines,
                cart.promoCodes().keySet().stream().map(PromoCode::value).toList(), priced.totals(), cart.channels(),
                cart.customerId().map(CustomerId::value).orElse(null), cart.expiresAt().orElse(null),
                cart.mergedInto().map(CartId::value).orElse(null),
                cart.trail().agents().isEmpty() ? null : List.copyOf(cart.trail().agents()),
                cart.trail().lastChangedBy().orElse(null), null);
    }

    /** A product can be sold into this cart: it exists, is on sale, and is priced in the cart's currency. */
    static boolean isSellable(Product product, Cart cart) {
        return product != null && product.active() && product.price().currency().equals(cart.currency());
    }

    private static CartView.Line toLine(CartLine line, Product product, PricedLine priced, String currency) {
        String name = product == null ? line.sku().value() : product.name();
        if (priced == null) {
            Money zero = Money.zero(currency);
            return new CartView.Line(line.sku().value(), name, line.quantity().value(), line.seenUnitPrice(), zero, zero,
                    List.of(), false, false);
        }
        return new CartView.Line(line.sku().value(), name, line.quantity().value(), priced.unitPrice(), priced.lineTotal(),
                priced.discount(), priced.promotions(), !priced.unitPrice().equals(line.seenUnitPrice()), true);
    }
}

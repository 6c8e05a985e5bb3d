package com.omnis.catalog.service;

import com.omnis.catalog.domain.LocationFilter;
import com.omnis.catalog.domain.NewPromotion;
import com.omnis.catalog.domain.ProductDetails;
import com.omnis.catalog.domain.ProductSearch;
import com.omnis.shared.catalog.Category;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.pricing.PricingItem;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's decisions: what a product costs in every channel, what a channel can get of it, and
 * what ops may change. It takes values the edge has parsed and answers with the kernel's domain errors;
 * no AWS type here: repositories, stock and the clock come in through the constructor.
 */
public final class CatalogService {

    /** The outcome of a create-or-replace: the product as shown, and whether it is new. */
    public record Saved(ProductView product, boolean created) {
    }

    private final CatalogProducts products;
    private final CatalogPromotions promotions;
    private final LocationRepository locations;
    private final StockAvailability availability;
    private final PriceCalculator calculator;
    private final Clock clock;

    public CatalogService(CatalogProducts products, CatalogPromotions promotions, LocationRepository locations,
                          StockAvailability availability, PriceCalculator calculator, Clock clock) {
        this.products = products;
        this.promotions = promotions;
        this.locations = locations;
        this.availability = availability;
        this.calculator = calculator;
        this.clock = clock;
    }

    // ---- products, as every channel sees them

    public Page<ProductView> listProducts(ProductSearch search) {
        Page<Product> page = products.list(search.category().map(Category::value), search.text(), search.limit(),
                search.cursor());
        Instant now = clock.instant();
        List<Promotion> active = promotions.activeAt(now);
        return new Page<>(page.items().stream().map(p -> view(p, active, now)).toList(), page.nextCursor());
    }

    /**
     * An active product with what {@code channel} can get of it (same-day options near {@code postalCode});
     * the price is the same whatever the channel. An unknown or withdrawn product is not found alike.
     */
    public ProductView product(Sku sku, Channel channel, Optional<String> postalCode) {
        Product product = products.find(sku).filter(Product::active).orElseThrow(() -> noProduct(sku));
        return priced(product).withAvailability(availability.of(sku, channel, postalCode));
    }

    // ---- ops: products, prices, promotions

    public Saved putProduct(Sku sku, ProductDetails details) {
        Product product = details.toProduct(sku, clock.instant());
        boolean created = products.find(sku).isEmpty();
        products.save(product);
        return new Saved(priced(product), created);
    }

    public ProductView changePrice(Sku sku, Money price) {
        Product current = products.find(sku).orElseThrow(() -> noProduct(sku));
        Product repriced = current.withPrice(price, clock.instant());
        products.save(repriced);
        return priced(repriced);
    }

    /** A promotion on a SKU needs the product to exist: a typo would otherwise discount nothing, silently. */
    public PromotionView createPromotion(NewPromotion terms) {
        Optional<Sku> sku = terms.targetSku();
        if (sku.isPresent() && products.find(sku.get()).isEmpty()) {
            throw new RuleViolationException("unknown-sku", "Unknown SKU", "no product " + sku.get(),
                    List.of(new FieldError("targetValue", "no product " + sku.get())));
        }
        Promotion promotion = terms.withId("promo-" + UUID.randomUUID());
        promotions.save(promotion);
        return new PromotionView(promotion, promotion.isActiveAt(clock.instant()));
    }

    public List<PromotionView> promotions() {
        Instant now = clock.instant();
        return promotions.all().stream().map(p -> new PromotionView(p, p.isActiveAt(now))).toList();
    }

    // ---- locations

    public List<Location> locations(LocationFilter filter) {
        return locations.all().stream().filter(filter::matches).toList();
    }

    public Location location(LocationId locationId) {
        return locations.find(locationId.value())
                .orElseThrow(() -> new NotFoundException("no location " + locationId));
    }

    // ---- pricing

    private ProductView priced(Product product) {
        Instant now = clock.instant();
        return view(product, promotions.activeAt(now), now);
    }

    private ProductView view(Product product, Collection<Promotion> active, Instant now) {
        var offer = calculator.unitOffer(new PricingItem(product.sku(), product.category(), product.price(), 1), active, now);
        return ProductView.of(product, offer);
    }

    private static NotFoundException noProduct(Sku sku) {
        return new NotFoundException("no product " + sku);
    }
}

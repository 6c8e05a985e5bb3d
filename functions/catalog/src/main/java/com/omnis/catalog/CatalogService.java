package com.omnis.catalog;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.SkuAvailability;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.pricing.PricingItem;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The catalog's decisions: what a product costs in every channel, what ops may change and what
 * input is acceptable. No AWS type here: repositories and the clock come in through the constructor.
 */
public final class CatalogService {

    /** The currency of every price when {@code CATALOG_CURRENCY} is not set: carts add prices up, so there is one. */
    public static final String DEFAULT_CURRENCY = "EUR";
    /** A guard against typos (an amount sent in major units times 100 twice), far above any real article. */
    static final long MAX_PRICE = 10_000_000_000L;
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_QUERY_WORDS = 5;

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9-]{1,60}");
    private static final Pattern LOCATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final Pattern PROMO_CODE = Pattern.compile("[A-Z0-9-]{3,30}");

    /** What a channel can get of a SKU now: the stock side of a product page, read from the inventory's tables. */
    @FunctionalInterface
    public interface StockAvailability {
        SkuAvailability of(Sku sku, Channel channel, Optional<String> postalCode);
    }

    /** The outcome of a create-or-replace: the product as shown, and whether it is new. */
    public record Saved(ProductView product, boolean created) {
    }

    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final LocationRepository locations;
    private final StockAvailability availability;
    private final PriceCalculator calculator;
    private final Clock clock;
    private final String currency;

    public CatalogService(ProductRepository products, PromotionRepository promotions, LocationRepository locations,
                          StockAvailability availability, PriceCalculator calculator, Clock clock, String currency) {
        this.products = products;
        this.promotions = promotions;
        this.locations = locations;
        this.availability = availability;
        this.calculator = calculator;
        this.clock = clock;
        this.currency = Money.zero(currency).currency();
    }

    // ---- products, as every channel sees them

    public Page<ProductView> listProducts(Optional<String> category, Optional<String> text, int limit,
                                          Optional<String> cursor) {
        FieldErrors violations = new FieldErrors();
        category.ifPresent(c -> violations.check(!CATEGORY.matcher(c).matches(), "query category",
                "is 1 to 60 lower-case letters, digits and '-'"));
        Optional<String> words = text.map(String::strip).filter(q -> !q.isEmpty());
        words.ifPresent(q -> {
            violations.check(q.length() > MAX_QUERY_LENGTH, "query q", "is at most " + MAX_QUERY_LENGTH + " characters");
            violations.check(q.split("\\s+").length > MAX_QUERY_WORDS, "query q", "has at most " + MAX_QUERY_WORDS + " words");
        });
        violations.check(limit < 1 || limit > 100, "query limit", "must be between 1 and 100");
        violations.throwIfAny();

        Page<Product> page = products.list(category, words, limit, cursor);
        Instant now = clock.instant();
        List<Promotion> active = promotions.activeAt(now);
        return new Page<>(page.items().stream().map(p -> view(p, active, now)).toList(), page.nextCursor());
    }

    /**
     * An active product with what {@code channel} can get of it (same-day options near {@code postalCode});
     * the price is the same whatever the channel. An unknown or withdrawn product is a 404 alike.
     */
    public ProductView product(String rawSku, Channel channel, Optional<String> postalCode) {
        Sku sku = skuOfPath(rawSku);
        if (postalCode.isPresent() && !AvailabilityQuery.POSTAL_CODE.matcher(postalCode.get()).matches()) {
            throw ProblemException.invalid("query postalCode", AvailabilityQuery.POSTAL_CODE_RULE);
        }
        Product product = products.find(sku).filter(Product::active).orElseThrow(() -> noProduct(sku));
        return priced(product).withAvailability(availability.of(sku, channel, postalCode));
    }

    // ---- ops: products, prices, promotions

    public Saved putProduct(String rawSku, ProductRequest body) {
        Sku sku = skuOfPath(rawSku);
        Product product = validProduct(sku, body);
        boolean created = products.find(sku).isEmpty();
        products.save(product);
        return new Saved(priced(product), created);
    }

    public ProductView changePrice(String rawSku, PriceChange body) {
        Sku sku = skuOfPath(rawSku);
        FieldErrors violations = new FieldErrors();
        checkPrice(violations, "price", body.price(), 0);
        violations.throwIfAny();
        Product current = products.find(sku).orElseThrow(() -> noProduct(sku));
        Product repriced = current.withPrice(body.price(), clock.instant());
        products.save(repriced);
        return priced(repriced);
    }

    public PromotionView createPromotion(PromotionRequest body) {
        Instant now = clock.instant();
        Promotion promotion = validPromotion(body, now);
        if (promotion.target() == Promotion.Target.SKU) {
            Sku sku = Sku.of(promotion.targetValue());
            if (products.find(sku).isEmpty()) {
                throw ProblemException.unprocessable("unknown-sku", "Unknown SKU", "no product " + sku,
                        List.of(new FieldError("targetValue", "no product " + sku)));
            }
        }
        promotions.save(promotion);
        return new PromotionView(promotion, promotion.isActiveAt(now));
    }

    public List<PromotionView> promotions() {
        Instant now = clock.instant();
        return promotions.all().stream().map(p -> new PromotionView(p, p.isActiveAt(now))).toList();
    }

    // ---- locations

    public List<Location> locations(Optional<String> type, Optional<String> pickup) {
        FieldErrors violations = new FieldErrors();
        Optional<Location.LocationType> wantedType = type.flatMap(raw -> {
            try {
                return Optional.of(Location.LocationType.parse(raw));
            } catch (IllegalArgumentException e) {
                violations.add("query type", "must be store or warehouse");
                return Optional.empty();
            }
        });
        Optional<Boolean> wantedPickup = pickup.flatMap(raw -> switch (raw) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                violations.add("query pickup", "must be true or false");
                yield Optional.empty();
            }
        });
        violations.throwIfAny();
        return locations.all().stream()
                .filter(l -> wantedType.map(t -> t == l.type()).orElse(true))
                .filter(l -> wantedPickup.map(p -> p == l.pickupEnabled()).orElse(true))
                .toList();
    }

    public Location location(String locationId) {
        if (!LOCATION_ID.matcher(locationId).matches()) {
            throw ProblemException.invalid("path locationId", "is 3 to 40 characters of a-z, 0-9 and '-'");
        }
        return locations.find(locationId)
                .orElseThrow(() -> ProblemException.notFound("no location " + locationId));
    }

    // ---- pricing and validation

    private ProductView priced(Product product) {
        Instant now = clock.instant();
        return view(product, promotions.activeAt(now), now);
    }

    private ProductView view(Product product, Collection<Promotion> active, Instant now) {
        var offer = calculator.unitOffer(new PricingItem(product.sku(), product.category(), product.price(), 1), active, now);
        return ProductView.of(product, offer);
    }

    private static Sku skuOfPath(String raw) {
        try {
            return Sku.of(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("path sku", "is 2 to 40 characters of A-Z, 0-9 and '-'");
        }
    }

    private static ProblemException noProduct(Sku sku) {
        return ProblemException.notFound("no product " + sku);
    }

    private Product validProduct(Sku sku, ProductRequest body) {
        FieldErrors violations = new FieldErrors();
        if (body.sku() != null) {
            violations.check(!body.sku().equals(sku.value()), "sku", "must be the SKU of the path, " + sku);
        }
        checkText(violations, "name", body.name(), 200, true);
        if (checkText(violations, "category", body.category(), 60, true)) {
            violations.check(!CATEGORY.matcher(body.category()).matches(), "category",
                    "is lower-case letters, digits and '-'");
        }
        checkText(violations, "description", body.description(), 2000, false);
        checkText(violations, "brand", body.brand(), 100, false);
        checkPrice(violations, "price", body.price(), 0);
        violations.throwIfAny();
        return new Product(sku, body.name().strip(), blankToNull(body.description()), body.category(),
                blankToNull(body.brand()), body.price(), body.active() == null || body.active(), clock.instant());
    }

    private Promotion validPromotion(PromotionRequest body, Instant now) {
        FieldErrors violations = new FieldErrors();
        checkText(violations, "name", body.name(), 120, true);
        if (body.kind() == null) {
            violations.add("kind", "is required: percent-off or amount-off");
        } else if (body.kind() == Promotion.Kind.PERCENT_OFF) {
            violations.check(body.percentOff() == null || body.percentOff() < 1 || body.percentOff() > 100,
                    "percentOff", "is required for a percent-off promotion, between 1 and 100");
            violations.check(body.amountOff() != null, "amountOff", "must be absent for a percent-off promotion");
        } else {
            checkPrice(violations, "amountOff", body.amountOff(), 1);
            violations.check(body.percentOff() != null, "percentOff", "must be absent for an amount-off promotion");
        }
        if (body.target() == null) {
            violations.add("target", "is required: sku or category");
        } else if (checkText(violations, "targetValue", body.targetValue(), 60, true)) {
            Pattern pattern = body.target() == Promotion.Target.SKU ? Sku.PATTERN : CATEGORY;
            violations.check(!pattern.matcher(body.targetValue()).matches(), "targetValue",
                    body.target() == Promotion.Target.SKU ? "is not a SKU" : "is not a category");
        }
        String code = body.code() == null ? null : body.code().strip().toUpperCase(Locale.ROOT);
        if (code != null) {
            violations.check(!PROMO_CODE.matcher(code).matches(), "code", "is 3 to 30 characters of A-Z, 0-9 and '-'");
        }
        Instant from = body.validFrom() == null ? now : body.validFrom();
        if (body.validUntil() == null) {
            violations.add("validUntil", "is required");
        } else if (!body.validUntil().isAfter(from)) {
            violations.add("validUntil", "must be after validFrom");
        } else {
            violations.check(!body.validUntil().isAfter(now), "validUntil", "must be in the future");
        }
        violations.throwIfAny();
        return new Promotion("promo-" + UUID.randomUUID(), body.name().strip(), body.kind(), body.percentOff(),
                body.amountOff(), body.target(), body.targetValue(), code, from, body.validUntil());
    }

    /** A required or optional text field; true when present and valid so far. */
    private static boolean checkText(FieldErrors violations, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            violations.check(required, field, "is required");
            return false;
        }
        return violations.check(value.length() > max, field, "is at most " + max + " characters");
    }

    private void checkPrice(FieldErrors violations, String field, Money money, long min) {
        if (money == null) {
            violations.add(field, "is required");
            return;
        }
        violations.check(money.amount() < min, field + ".amount", "must be at least " + min);
        violations.check(money.amount() > MAX_PRICE, field + ".amount", "must be at most " + MAX_PRICE);
        violations.check(!money.currency().equals(currency), field + ".currency",
                "must be " + currency + ", the catalog's currency");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

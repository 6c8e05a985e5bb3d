package com.omnis.catalog;

import com.omnis.catalog.domain.LocationFilter;
import com.omnis.catalog.domain.NewPromotion;
import com.omnis.catalog.domain.ProductDetails;
import com.omnis.catalog.domain.ProductSearch;
import com.omnis.shared.catalog.Category;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.inventory.AvailabilityQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog's requests parsed into domain values: path, query and JSON bodies, every bad field named
 * in one 400 ({@code path sku}, {@code query category}, {@code price.amount}). The rules of SKUs, location
 * ids, promotion codes and categories are their values'; what is checked here is the shape of the request.
 */
final class CatalogRequests {

    /** A guard against typos (an amount sent in major units times 100 twice), far above any real article. */
    static final long MAX_PRICE = 10_000_000_000L;
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_QUERY_WORDS = 5;
    static final int MAX_LIMIT = 100;

    /** Body of {@code PUT /products/{sku}}: the whole product; {@code sku} may be repeated, {@code active} defaults to true. */
    record ProductBody(String sku, String name, String description, String category, String brand, Money price,
                       Boolean active) {
    }

    /** Body of {@code PUT /products/{sku}/price}: the new list price, tax included. */
    record PriceBody(Money price) {
    }

    /**
     * Body of {@code POST /promotions}. {@code percentOff} for {@code percent-off}, {@code amountOff} (per unit)
     * for {@code amount-off}; {@code validFrom} defaults to now; a {@code code} makes it apply only to carts that entered it.
     */
    record PromotionBody(String name, Promotion.Kind kind, Integer percentOff, Money amountOff,
                         Promotion.Target target, String targetValue, String code,
                         Instant validFrom, Instant validUntil) {
    }

    private final String currency;
    private final Clock clock;

    /** Prices are in {@code currency}, the catalog's one currency (carts add prices up); {@code clock} says when now is. */
    CatalogRequests(String currency, Clock clock) {
        this.currency = Money.zero(currency).currency();
        this.clock = clock;
    }

    // ---- path and query

    static Sku sku(String raw) {
        return one("path sku", raw, Sku::of);
    }

    static LocationId locationId(String raw) {
        return one("path locationId", raw, LocationId::of);
    }

    static Optional<String> postalCode(Optional<String> raw) {
        FieldErrors errors = new FieldErrors();
        raw.ifPresent(code -> errors.check(!AvailabilityQuery.POSTAL_CODE.matcher(code).matches(), "query postalCode",
                AvailabilityQuery.POSTAL_CODE_RULE));
        errors.throwIfAny();
        return raw;
    }

    static ProductSearch search(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        FieldErrors errors = new FieldErrors();
        Category wanted = errors.parseOptional("query category", category.orElse(null), Category::of);
        Optional<String> words = text.map(String::strip).filter(q -> !q.isEmpty());
        words.ifPresent(q -> {
            errors.check(q.length() > MAX_QUERY_LENGTH, "query q", "is at most " + MAX_QUERY_LENGTH + " characters");
            errors.check(q.split("\\s+").length > MAX_QUERY_WORDS, "query q", "has at most " + MAX_QUERY_WORDS + " words");
        });
        errors.check(limit < 1 || limit > MAX_LIMIT, "query limit", "must be between 1 and " + MAX_LIMIT);
        errors.throwIfAny();
        return new ProductSearch(Optional.ofNullable(wanted), words, limit, cursor);
    }

    static LocationFilter locations(Optional<String> type, Optional<String> pickup) {
        FieldErrors errors = new FieldErrors();
        Location.LocationType wantedType = type.map(raw -> errors.parse("query type", raw,
                valid(Location.LocationType::parse, "must be store or warehouse"))).orElse(null);
        Boolean wantedPickup = pickup.map(raw -> errors.parse("query pickup", raw, valid(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, "must be true or false"))).orElse(null);
        errors.throwIfAny();
        return new LocationFilter(Optional.ofNullable(wantedType), Optional.ofNullable(wantedPickup));
    }

    // ---- bodies

    /** The product of {@code PUT /products/{sku}}, once {@code sku} (the path's) has been parsed. */
    ProductDetails product(Sku sku, ProductBody body) {
        FieldErrors errors = new FieldErrors();
        if (body.sku() != null) {
            errors.check(!body.sku().equals(sku.value()), "sku", "must be the SKU of the path, " + sku);
        }
        checkText(errors, "name", body.name(), 200, true);
        Category category = checkText(errors, "category", body.category(), 60, true)
                ? errors.parse("category", body.category(), Category::of) : null;
        checkText(errors, "description", body.description(), 2000, false);
        checkText(errors, "brand", body.brand(), 100, false);
        checkPrice(errors, "price", body.price(), 0);
        errors.throwIfAny();
        return new ProductDetails(body.name().strip(), blankToNull(body.description()), category,
                blankToNull(body.brand()), body.price(), body.active() == null || body.active());
    }

    Money price(PriceBody body) {
        FieldErrors errors = new FieldErrors();
        checkPrice(errors, "price", body.price(), 0);
        errors.throwIfAny();
        return body.price();
    }

    NewPromotion promotion(PromotionBody body) {
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        checkText(errors, "name", body.name(), 120, true);
        if (body.kind() == null) {
            errors.add("kind", "is required: percent-off or amount-off");
        } else if (body.kind() == Promotion.Kind.PERCENT_OFF) {
            errors.check(body.percentOff() == null || body.percentOff() < 1 || body.percentOff() > 100,
                    "percentOff", "is required for a percent-off promotion, between 1 and 100");
            errors.check(body.amountOff() != null, "amountOff", "must be absent for a percent-off promotion");
        } else {
            checkPrice(errors, "amountOff", body.amountOff(), 1);
            errors.check(body.percentOff() != null, "percentOff", "must be absent for an amount-off promotion");
        }
        if (body.target() == null) {
            errors.add("target", "is required: sku or category");
        } else if (checkText(errors, "targetValue", body.targetValue(), 60, true)) {
            boolean sku = body.target() == Promotion.Target.SKU;
            errors.parse("targetValue", body.targetValue(),
                    sku ? valid(Sku::of, "is not a SKU") : valid(Category::of, "is not a category"));
        }
        PromoCode code = errors.parseOptional("code", body.code(), PromoCode::of);
        Instant from = body.validFrom() == null ? now : body.validFrom();
        if (body.validUntil() == null) {
            errors.add("validUntil", "is required");
        } else if (!body.validUntil().isAfter(from)) {
            errors.add("validUntil", "must be after validFrom");
        } else {
            errors.check(!body.validUntil().isAfter(now), "validUntil", "must be in the future");
        }
        errors.throwIfAny();
        return new NewPromotion(body.name().strip(), body.kind(), body.percentOff(), body.amountOff(), body.target(),
                body.targetValue(), Optional.ofNullable(code), from, body.validUntil());
    }

    // ---- helpers

    private static <T> T one(String field, String raw, Function<String, T> parser) {
        FieldErrors errors = new FieldErrors();
        T value = errors.parse(field, raw, parser);
        errors.throwIfAny();
        return value;
    }

    /** {@code parser}, its refusal worded for this field rather than with the value's own rule. */
    private static <T> Function<String, T> valid(Function<String, T> parser, String message) {
        return raw -> {
            try {
                return parser.apply(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(message, e);
            }
        };
    }

    /** A required or optional text field; true when present and valid so far. */
    private static boolean checkText(FieldErrors errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            errors.check(required, field, "is required");
            return false;
        }
        return errors.check(value.length() > max, field, "is at most " + max + " characters");
    }

    private void checkPrice(FieldErrors errors, String field, Money money, long min) {
        if (money == null) {
            errors.add(field, "is required");
            return;
        }
        errors.check(money.amount() < min, field + ".amount", "must be at least " + min);
        errors.check(money.amount() > MAX_PRICE, field + ".amount", "must be at most " + MAX_PRICE);
        errors.check(!money.currency().equals(currency), field + ".currency",
                "must be " + currency + ", the catalog's currency");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

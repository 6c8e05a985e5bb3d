package com.omnis.carts;

import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Products and promotions in memory, with a few helpers to build them in one line. */
final class InMemoryCatalog implements ProductRepository, PromotionRepository {

    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final Map<Sku, Product> products = new ConcurrentHashMap<>();
    private final List<Promotion> promotions = new ArrayList<>();

    static Product product(String sku, String category, long cents) {
        return new Product(Sku.of(sku), "Product " + sku, null, category, "Omnis", Money.of(cents, "EUR"), true, EPOCH);
    }

    InMemoryCatalog with(Product product) {
        save(product);
        return this;
    }

    InMemoryCatalog withCode(String code, String sku, int percentOff, Instant from, Instant until) {
        save(new Promotion("promo-" + code.toLowerCase(), code + " " + percentOff + "%", Promotion.Kind.PERCENT_OFF,
                percentOff, null, Promotion.Target.SKU, sku, code, from, until));
        return this;
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return Optional.ofNullable(products.get(sku));
    }

    @Override
    public Map<Sku, Product> findAll(Collection<Sku> skus) {
        return skus.stream().distinct().map(products::get).filter(p -> p != null)
                .collect(Collectors.toMap(Product::sku, Function.identity()));
    }

    @Override
    public Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        throw new UnsupportedOperationException("carts never list products");
    }

    void save(Product product) {
        products.put(product.sku(), product);
    }

    synchronized void save(Promotion promotion) {
        promotions.add(promotion);
    }

    @Override
    public synchronized List<Promotion> all() {
        return List.copyOf(promotions);
    }

    @Override
    public synchronized List<Promotion> activeAt(Instant at) {
        return promotions.stream().filter(p -> p.isActiveAt(at)).toList();
    }
}
